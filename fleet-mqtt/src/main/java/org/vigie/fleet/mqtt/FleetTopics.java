package org.vigie.fleet.mqtt;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The topic tree of one city's fleet on the broker ({@code fleet-mqtt/README.md} documents it):
 *
 * <pre>
 * vigie/{city}/drone/{sysId}/telemetry  drone → centres  QoS 0, bounded rate: signed HEARTBEAT, GLOBAL_POSITION_INT, SYS_STATUS
 * vigie/{city}/drone/{sysId}/events     drone → centres  QoS 1: signed TUNNEL frames (answers, FLIGHT_STATUS)
 * vigie/{city}/drone/{sysId}/state      drone → all      QoS 1, retained: "online", or "offline" (its Last Will)
 * vigie/{city}/drone/{sysId}/orders     centre → drone   QoS 1: signed TUNNEL frames (orders); QoS 0: the centre's HEARTBEAT
 * vigie/{city}/centre/{centreId}/state  centre → all     QoS 1, retained: "active", "standby", or "offline" (its Last Will)
 * </pre>
 *
 * <p>Every frame payload is one whole signed MAVLink 2 frame; the state payloads are short ASCII words, advisory only
 * (protected by the broker's ACL; the signed frames decide).
 *
 * @param city the city's name: 1-32 characters of {@code [a-z0-9-]}
 */
public record FleetTopics(String city) {

    /** The first level of every topic. */
    public static final String ROOT = "vigie";
    private static final Pattern CITY = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern CENTRE_ID = Pattern.compile("[A-Za-z0-9-]{1,32}");

    /** What a drone's topic carries. */
    public enum Kind {
        /** Drone telemetry, QoS 0. */
        TELEMETRY("telemetry"),
        /** Drone events and answers, QoS 1. */
        EVENTS("events"),
        /** Drone online/offline, retained. */
        STATE("state"),
        /** Centre orders to the drone. */
        ORDERS("orders");

        private final String level;

        Kind(String level) {
            this.level = level;
        }

        /** @return the topic's last level */
        public String level() {
            return level;
        }
    }

    /**
     * A parsed drone topic.
     *
     * @param systemId the drone's MAVLink system id, 1-254
     * @param kind     what it carries
     */
    public record DroneTopic(int systemId, Kind kind) {
    }

    /**
     * @param city the city's name
     * @throws IllegalArgumentException if it is not 1-32 characters of {@code [a-z0-9-]}
     */
    public FleetTopics {
        Objects.requireNonNull(city, "city");
        if (!CITY.matcher(city).matches()) {
            throw new IllegalArgumentException("city '" + city + "' must be 1-32 characters of [a-z0-9-]");
        }
    }

    /**
     * @param systemId a drone, 1-254
     * @param kind     what the topic carries
     * @return its topic
     * @throws IllegalArgumentException if the system id is outside 1-254
     */
    public String drone(int systemId, Kind kind) {
        if (systemId < 1 || systemId > 254) {
            throw new IllegalArgumentException("drone system id " + systemId + " must be 1-254");
        }
        return ROOT + "/" + city + "/drone/" + systemId + "/" + kind.level();
    }

    /** @return the filter of every drone's topic of this city */
    public String allDrones() {
        return ROOT + "/" + city + "/drone/+/+";
    }

    /**
     * @param centreId a centre's id: 1-32 characters of {@code [A-Za-z0-9-]}
     * @return its state topic
     * @throws IllegalArgumentException if the id is malformed
     */
    public String centreState(String centreId) {
        if (!CENTRE_ID.matcher(centreId).matches()) {
            throw new IllegalArgumentException("centre id '" + centreId + "' must be 1-32 characters of [A-Za-z0-9-]");
        }
        return ROOT + "/" + city + "/centre/" + centreId + "/state";
    }

    /** @return the filter of every centre's state topic of this city */
    public String allCentres() {
        return ROOT + "/" + city + "/centre/+/state";
    }

    /**
     * Reads a drone topic of this city.
     *
     * @param topic a topic name
     * @return the drone and kind, or empty if the topic is not a drone topic of this city
     */
    public Optional<DroneTopic> parseDrone(String topic) {
        String prefix = ROOT + "/" + city + "/drone/";
        if (!topic.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = topic.substring(prefix.length());
        int slash = rest.indexOf('/');
        if (slash < 1 || slash > 3) {
            return Optional.empty();
        }
        int id;
        try {
            id = Integer.parseInt(rest.substring(0, slash));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (id < 1 || id > 254 || rest.charAt(0) == '0') {
            return Optional.empty();
        }
        String level = rest.substring(slash + 1);
        for (Kind k : Kind.values()) {
            if (k.level().equals(level)) {
                return Optional.of(new DroneTopic(id, k));
            }
        }
        return Optional.empty();
    }

    /**
     * Reads a centre state topic of this city.
     *
     * @param topic a topic name
     * @return the centre's id, or empty if the topic is not a centre state topic of this city
     */
    public Optional<String> parseCentre(String topic) {
        String prefix = ROOT + "/" + city + "/centre/";
        if (!topic.startsWith(prefix) || !topic.endsWith("/state")) {
            return Optional.empty();
        }
        String id = topic.substring(prefix.length(), topic.length() - "/state".length());
        return CENTRE_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }
}
