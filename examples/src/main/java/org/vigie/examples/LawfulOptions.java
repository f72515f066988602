package org.vigie.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.mission.minimisation.KlvTagSelection;
import org.vigie.mission.remoteid.RemoteIdConfig;

/**
 * The launcher's options for flying lawfully (docs/lawful-flight.md): ED-269 zones, authorisations, Remote ID and data
 * minimisation. Only checked here (each bad option named with what was expected); the files are read by
 * {@link LawfulSetup}. Immutable.
 *
 * @param zonesFile          the ED-269 geozones file, or null
 * @param authorisationsFile the district configuration's authorisations, or null
 * @param authorisationId    the authorisation every dispatch flies under unless its line names one, or null
 * @param waivers            REQ_AUTHORISATION or CONDITIONAL zones the operator may always enter
 * @param homeAmslM          the district home's elevation, metres above mean sea level (AGL zone limits, Remote ID)
 * @param operatorId         the operator registration number for Remote ID, or null (no Remote ID)
 * @param selfId             the Remote ID self-ID text naming the service, or null
 * @param operatorLocation   the operator's location for Remote ID, or null for the district home
 * @param minimisationFile   a data-minimisation JSON file ({@code DataMinimisation.parse}), or null
 * @param klvTags            the ST 0601 tags sent, or null for the file's choice (or every tag without a file)
 * @param retentionDays      how long flight outputs are kept, days, or null for the file's choice (no sweep without
 *                           either)
 * @param holdsFile          the evidence holds file, or null for {@code <out>/evidence-holds.tsv}
 * @param holds              incidents to hold as evidence (alert id to reason), added to the holds file
 */
record LawfulOptions(@Nullable Path zonesFile, @Nullable Path authorisationsFile, @Nullable String authorisationId,
                     Set<String> waivers, double homeAmslM, @Nullable String operatorId, @Nullable String selfId,
                     @Nullable GeoPoint operatorLocation, @Nullable Path minimisationFile,
                     @Nullable KlvTagSelection klvTags, @Nullable Integer retentionDays, @Nullable Path holdsFile,
                     Map<String, String> holds) {

    /** Default elevation of the district home, m AMSL (Paris by the Seine). */
    static final double DEFAULT_HOME_AMSL_M = 35.0;
    /** The options this record reads, for the help and the parser. */
    static final List<String> OPTIONS = List.of("--zones", "--waive", "--authorisations", "--authorisation",
            "--home-amsl", "--operator-id", "--self-id", "--operator-location", "--minimisation", "--klv-tags",
            "--retention-days", "--evidence-holds", "--hold");

    /** Copies the collections. */
    LawfulOptions {
        waivers = Set.copyOf(waivers);
        holds = Map.copyOf(holds);
    }

    /** @return whether Remote ID is configured */
    boolean remoteId() {
        return operatorId != null;
    }

    /** Collects the options in command-line order; {@link #build()} checks how they combine. Not thread-safe. */
    static final class Parser {
        private @Nullable Path zones;
        private @Nullable Path authorisations;
        private @Nullable String authorisation;
        private final Set<String> waivers = new LinkedHashSet<>();
        private double homeAmslM = DEFAULT_HOME_AMSL_M;
        private @Nullable String operatorId;
        private @Nullable String selfId;
        private @Nullable GeoPoint operatorLocation;
        private @Nullable Path minimisation;
        private @Nullable KlvTagSelection klvTags;
        private @Nullable Integer retentionDays;
        private @Nullable Path holdsFile;
        private final Map<String, String> holds = new LinkedHashMap<>();

        /**
         * Takes one option.
         *
         * @param option the option, e.g. {@code --zones}
         * @param v      its value
         * @return false if the option is not one of {@link #OPTIONS}
         * @throws IllegalArgumentException naming the option and what was expected
         */
        boolean accept(String option, String v) {
            switch (option) {
                case "--zones" -> zones = Path.of(v);
                case "--waive" -> waivers.add(zoneId(v));
                case "--authorisations" -> authorisations = Path.of(v);
                case "--authorisation" -> authorisation = authorisationId(option, v);
                case "--home-amsl" -> homeAmslM = Cli.doubleIn(option + " (metres)", v, -500, 9000);
                case "--operator-id" -> operatorId = remoteIdText(option, v, true);
                case "--self-id" -> selfId = remoteIdText(option, v, false);
                case "--operator-location" -> operatorLocation = latLon(option, v);
                case "--minimisation" -> minimisation = Path.of(v);
                case "--klv-tags" -> klvTags = klvTags(v);
                case "--retention-days" -> retentionDays = Cli.intIn(option + " (days)", v, 1, 366);
                case "--evidence-holds" -> holdsFile = Path.of(v);
                case "--hold" -> hold(v);
                default -> {
                    return false;
                }
            }
            return true;
        }

        /**
         * @return the options
         * @throws IllegalArgumentException naming an option that needs another
         */
        LawfulOptions build() {
            if (authorisation != null && authorisations == null) {
                throw new IllegalArgumentException("--authorisation " + authorisation + " needs --authorisations FILE"
                        + " (the district configuration's authorisations, e.g."
                        + " data/districts/arsenal-authorisations.json)");
            }
            if ((operatorId == null) != (selfId == null)) {
                throw new IllegalArgumentException(operatorId == null
                        ? "--self-id needs --operator-id too (Remote ID sends the operator registration number)"
                        : "--operator-id needs --self-id too (Remote ID sends a self-ID naming the service, e.g."
                        + " \"Police municipale Paris\")");
            }
            if (operatorLocation != null && operatorId == null) {
                throw new IllegalArgumentException("--operator-location is for Remote ID: give --operator-id and"
                        + " --self-id too");
            }
            return new LawfulOptions(zones, authorisations, authorisation, waivers, homeAmslM, operatorId, selfId,
                    operatorLocation, minimisation, klvTags, retentionDays, holdsFile, holds);
        }

        private void hold(String v) {
            int eq = v.indexOf('=');
            if (eq <= 0 || v.substring(eq + 1).isBlank()) {
                throw new IllegalArgumentException("--hold must be ALERT_ID=REASON (the incident held as evidence and"
                        + " why), was '" + v + "'");
            }
            holds.put(LauncherOptions.alertId(v.substring(0, eq), "--hold"), v.substring(eq + 1).strip());
        }
    }

    /**
     * An authorisation identifier, from an option or a target line's {@code auth=} column.
     *
     * @param what the option or column, for the message
     * @param v    the identifier
     * @return it, stripped
     * @throws IllegalArgumentException if blank or not printable
     */
    static String authorisationId(String what, String v) {
        String s = v.strip();
        if (!s.matches("[\\x21-\\x7e]{1,64}")) {
            throw new IllegalArgumentException(what + " must be an authorisation identifier (1..64 printable"
                    + " characters, no spaces), was '" + v + "'");
        }
        return s;
    }

    private static String zoneId(String v) {
        String s = v.strip();
        if (s.isEmpty() || s.length() > 7) {
            throw new IllegalArgumentException("--waive must be an ED-269 zone identifier (1..7 characters), was '"
                    + v + "'");
        }
        return s;
    }

    private static String remoteIdText(String option, String v, boolean operator) {
        GeoPoint somewhere = GeoPoint.of(48.85, 2.35);
        try {
            RemoteIdConfig.cityService(operator ? v : "X", operator ? "X" : v, somewhere, 0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
        return v.strip();
    }

    private static GeoPoint latLon(String option, String v) {
        String[] p = v.split(",");
        try {
            if (p.length == 2) {
                double lat = Double.parseDouble(p[0].strip());
                double lon = Double.parseDouble(p[1].strip());
                if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && !(lat == 0 && lon == 0)) {
                    return GeoPoint.of(lat, lon);
                }
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(option + " must be LAT,LON in decimal degrees, latitude first (not 0,0),"
                + " was '" + v + "'");
    }

    private static KlvTagSelection klvTags(String v) {
        String s = v.strip().toLowerCase(Locale.ROOT);
        if (s.equals("city")) {
            return KlvTagSelection.cityService();
        }
        if (s.equals("all")) {
            return KlvTagSelection.all();
        }
        Set<Integer> tags = new TreeSet<>();
        List<String> bad = new ArrayList<>();
        for (String t : s.split(",")) {
            try {
                int tag = Integer.parseInt(t.strip());
                if (tag >= 2 && tag <= KlvTagSelection.MAX_TAG) {
                    tags.add(tag);
                    continue;
                }
            } catch (NumberFormatException e) {
                // collected below
            }
            bad.add("'" + t.strip() + "'");
        }
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException("--klv-tags must be 'city', 'all' or ST 0601 tag numbers 2.."
                    + KlvTagSelection.MAX_TAG + " separated by commas; not a tag: " + String.join(", ", bad));
        }
        return new KlvTagSelection(tags);
    }
}
