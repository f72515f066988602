package org.vigie.examples;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Says in a sentence why a district file could not be read, and what to do. Stateless. */
final class DistrictFileProblem {

    private DistrictFileProblem() {
    }

    /**
     * @param file the file asked for
     * @param e    what reading it threw
     * @return the sentence
     */
    static String sentence(Path file, IOException e) {
        Path abs = file.toAbsolutePath().normalize();
        if (e instanceof NoSuchFileException) {
            return "Cannot read the district file " + file + ": it does not exist (looked for " + abs + "). Samples"
                    + " are in data/districts/; DistrictMain makes one from a Paris quartier.";
        }
        if (e instanceof AccessDeniedException) {
            return "Cannot read the district file " + file + ": permission denied (" + abs + "); make it readable"
                    + " by this user.";
        }
        if (e instanceof FileSystemException f && "is a folder".equals(f.getReason())) {
            return "Cannot read the district file " + file + ": it is a folder, not a file; name a .geojson or .plan"
                    + " file inside it.";
        }
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "Cannot read the district file " + file + ": it is not UTF-8 text (a district file is GeoJSON"
                    + " text).";
        }
        return "Cannot read the district file " + file + " (" + abs + "): " + e;
    }
}
