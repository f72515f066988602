package org.vigie.sitl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where the real ArduCopter SITL build lives: a folder holding {@code arducopter}, {@code run-sitl.sh},
 * {@code copter.parm} and {@code loopback_bind.so}, as {@code ../shared/sitl/} beside the checkout provides it.
 *
 * <p>Looked up, in order: the {@code VIGIE_SITL_DIR} environment variable or {@code vigie.sitl.dir} system property;
 * {@code <repo>/../shared/sitl} where {@code <repo>} is {@code VIGIE_REPO_ROOT} (set by the build) or found by walking
 * up from the working directory to the folder holding the parent {@code pom.xml}. The binary is never part of the
 * repository (ArduPilot is GPLv3; see its README).
 *
 * @param directory the folder
 */
public record SitlInstallation(Path directory) {

    /** The environment variable CI sets; when it is {@code true} a missing SITL is a failure, never a skip. */
    public static final String CI_VARIABLE = "CI";

    /** @return the {@code arducopter} binary */
    public Path binary() {
        return directory.resolve("arducopter");
    }

    /** @return the start script */
    public Path startScript() {
        return directory.resolve("run-sitl.sh");
    }

    /**
     * Finds the installation.
     *
     * @return it, or empty when no complete installation is found
     */
    public static Optional<SitlInstallation> find() {
        String explicit = System.getenv("VIGIE_SITL_DIR");
        if (explicit == null) {
            explicit = System.getProperty("vigie.sitl.dir");
        }
        if (explicit != null && !explicit.isBlank()) {
            return complete(Path.of(explicit));
        }
        Path repo = repositoryRoot();
        return repo == null ? Optional.empty() : complete(repo.toAbsolutePath().normalize().resolveSibling("shared")
                .resolve("sitl"));
    }

    /**
     * Finds the installation or says, in one sentence, why it cannot be used.
     *
     * @return the installation
     * @throws IllegalStateException naming the folders looked at
     */
    public static SitlInstallation require() {
        return find().orElseThrow(() -> new IllegalStateException(missingMessage()));
    }

    /** @return the sentence a test prints when the installation is missing */
    public static String missingMessage() {
        Path repo = repositoryRoot();
        String where = repo == null ? "../shared/sitl" : repo.toAbsolutePath().normalize().resolveSibling("shared")
                .resolve("sitl").toString();
        return "no ArduCopter SITL found at " + where + " (needs arducopter, run-sitl.sh, copter.parm,"
                + " loopback_bind.so; or set VIGIE_SITL_DIR): the real-autopilot suite is skipped";
    }

    /** @return whether this run is CI's, where the suite must never be skipped */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv(CI_VARIABLE));
    }

    private static Optional<SitlInstallation> complete(Path dir) {
        for (String f : new String[] {"arducopter", "run-sitl.sh", "copter.parm", "loopback_bind.so"}) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                return Optional.empty();
            }
        }
        if (!Files.isExecutable(dir.resolve("arducopter"))) {
            return Optional.empty();
        }
        return Optional.of(new SitlInstallation(dir));
    }

    private static @Nullable Path repositoryRoot() {
        String root = System.getenv("VIGIE_REPO_ROOT");
        if (root != null && !root.isBlank()) {
            return Path.of(root);
        }
        Path p = Path.of("").toAbsolutePath();
        Path found = null;
        while (p != null) {
            if (Files.isRegularFile(p.resolve("pom.xml"))) {
                found = p;
            }
            p = p.getParent();
        }
        return found;
    }
}
