package org.vigie.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.LocalFrame;
import org.vigie.geofence.io.DemoZones;
import org.vigie.geofence.io.GeoJsonDistricts;
import org.vigie.geofence.io.ParisQuartiers;
import org.vigie.geofence.zone.District;
import org.vigie.geofence.zone.EnuGeometry;
import org.vigie.geofence.zone.PrivacyZone;

/**
 * Makes a district file from a Paris quartier of the bundled data, in one line:
 *
 * <pre>
 * java -cp examples/target/vigie-quickstart.jar org.vigie.examples.DistrictMain Arsenal &gt; arsenal.geojson
 * java -cp examples/target/vigie-quickstart.jar org.vigie.examples.DistrictMain "Hôpital-Saint-Louis" --sector 2 \
 *      --exclusions 3 --privacy 1 --seed 7 --out hopital-saint-louis-2.geojson
 * </pre>
 *
 * The quartier is found by name, ignoring case and accents; {@code --sector 1..3} takes one of its three sectors
 * (rays from its inscribed centre at bearings 0, 120 and 240 degrees) instead of the whole quartier. Home is the point
 * farthest from the boundary. {@code --exclusions N} adds N synthetic no-fly zones (circles and rectangles, 40 m
 * inside the boundary, 80 m from home) and {@code --privacy N} N privacy rectangles of 50 m by 40 m (20 m clear of every zone), both placed from
 * {@code --seed}: same arguments, same file. The file is validated by reading it back before it is written, and
 * {@code --out} writes it whole or not at all. Exit status 0 written, 2 bad arguments (a sentence says which).
 */
public final class DistrictMain {

    private DistrictMain() {
    }

    /**
     * Entry point.
     *
     * @param args see the class description
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Makes the district.
     *
     * @param args arguments
     * @param out  where the district goes without {@code --out}, and the help
     * @param err  errors and the line saying what was written
     * @return 0 written, 2 bad arguments or an I/O error
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        @org.jspecify.annotations.Nullable String quartier = null;
        int sector = 0;
        int exclusions = 0;
        int privacy = 0;
        long seed = 1;
        @org.jspecify.annotations.Nullable Path file = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--help", "-h" -> {
                        out.println(help());
                        return 0;
                    }
                    case "--sector" -> sector = Cli.intIn(a, Cli.value(args, ++i, a), 1, 3);
                    case "--exclusions" -> exclusions = Cli.intIn(a, Cli.value(args, ++i, a), 0, 20);
                    case "--privacy" -> privacy = Cli.intIn(a, Cli.value(args, ++i, a), 0, 10);
                    case "--seed" -> seed = Cli.intIn(a, Cli.value(args, ++i, a), 0, Integer.MAX_VALUE);
                    case "--out" -> file = Path.of(Cli.value(args, ++i, a));
                    default -> {
                        if (a.startsWith("-")) {
                            throw new IllegalArgumentException("unknown option '" + a + "' (--help lists them)");
                        }
                        if (quartier != null) {
                            throw new IllegalArgumentException("one quartier at a time: got '" + quartier + "' and '"
                                    + a + "' (quote a name with spaces)");
                        }
                        quartier = a;
                    }
                }
            }
            if (quartier == null) {
                throw new IllegalArgumentException("name a Paris quartier, e.g. Arsenal");
            }
            String text = GeoJsonDistricts.write(make(quartier, sector, exclusions, privacy, seed));
            GeoJsonDistricts.read(text);
            if (file == null) {
                out.print(text);
            } else {
                writeWhole(file, text);
                err.println("District written to " + file.toAbsolutePath());
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("DistrictMain: " + e.getMessage());
            err.println(usage());
            return 2;
        } catch (IOException e) {
            err.println("DistrictMain: cannot write " + file + ": " + e.getMessage());
            return 2;
        }
    }

    /**
     * The district of a quartier (or one of its sectors) with synthetic zones.
     *
     * @param quartier   the quartier's name (case and accents ignored)
     * @param sector     0 for the whole quartier, 1..3 for a sector
     * @param exclusions number of no-fly zones
     * @param privacy    number of privacy zones
     * @param seed       placement seed
     * @return the validated district
     * @throws IOException if the bundled data is missing
     * @throws IllegalArgumentException if the quartier is unknown or the zones do not fit
     */
    public static District make(String quartier, int sector, int exclusions, int privacy, long seed)
            throws IOException {
        ParisQuartiers.Quartier q = ParisQuartiers.byName(QuickStart.bundledQuartiers(), quartier);
        District base = sector == 0 ? ParisQuartiers.district(q) : ParisQuartiers.sectors(q).get(sector - 1);
        District withZones = DemoZones.withZones(base, exclusions, seed);
        return withPrivacy(withZones, privacy, seed);
    }

    /** Adds {@code count} privacy rectangles (50 m by 40 m) 20 m clear of every zone, 30 m of the boundary, 60 m of home. */
    private static District withPrivacy(District d, int count, long seed) {
        Random rnd = new Random(seed * 31 + 17);
        LocalFrame frame = d.geofence().frame();
        Polygon inc = d.geofence().inclusionEnu();
        var env = inc.getEnvelopeInternal();
        var inner = PreparedGeometryFactory.prepare(inc.buffer(-30));
        List<Polygon> placed = new ArrayList<>(d.geofence().exclusionsEnu());
        District.Builder b = d.toBuilder();
        for (int added = 0, attempts = 0; added < count; ) {
            if (++attempts > 10000) {
                throw new IllegalArgumentException("could not fit " + count + " privacy zones in '" + d.name()
                        + "': ask for fewer");
            }
            double x = env.getMinX() + rnd.nextDouble() * env.getWidth();
            double y = env.getMinY() + rnd.nextDouble() * env.getHeight();
            Coordinate[] cs = {new Coordinate(x - 25, y - 20), new Coordinate(x + 25, y - 20),
                new Coordinate(x + 25, y + 20), new Coordinate(x - 25, y + 20), new Coordinate(x - 25, y - 20)};
            Polygon shape = EnuGeometry.FACTORY.createPolygon(cs);
            if (!inner.contains(shape) || shape.distance(EnuGeometry.FACTORY.createPoint(new Coordinate())) < 60
                    || placed.stream().anyMatch(p -> p.distance(shape) < 20)) {
                continue;
            }
            List<GeoPoint> ring = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ring.add(frame.toGeo(cs[i].x, cs[i].y, 0).withAltitudeRelM(0));
            }
            placed.add(shape);
            b.privacyZone(new PrivacyZone("privacy " + (++added), ring));
        }
        return b.build();
    }

    /** Writes to a temporary file beside the target, then moves it into place: whole or not at all. */
    private static void writeWhole(Path file, String text) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String usage() {
        return "usage: DistrictMain <quartier> [--sector 1..3] [--exclusions N] [--privacy N] [--seed N] "
                + "[--out FILE] [--help]";
    }

    static String help() {
        return usage() + "\n\n"
                + "Writes a Vigie district file (GeoJSON; see the README's \"District files\") made from one of the 80\n"
                + "Paris quartiers bundled with Vigie (Ville de Paris open data, ODbL), to standard output or --out.\n\n"
                + "  <quartier>       its name, case and accents ignored: Arsenal, \"hopital-saint-louis\", ...\n"
                + "  --sector N       one of the quartier's three sectors, 1..3 (default: the whole quartier)\n"
                + "  --exclusions N   synthetic no-fly zones to add, 0..20 (default 0)\n"
                + "  --privacy N      privacy rectangles of 50 m by 40 m to add, 0..10 (default 0)\n"
                + "  --seed N         where the zones go; same seed, same file (default 1)\n"
                + "  --out FILE       write FILE (whole or not at all) instead of standard output\n\n"
                + "Exit status: 0 written; 2 bad arguments or the file could not be written.";
    }
}
