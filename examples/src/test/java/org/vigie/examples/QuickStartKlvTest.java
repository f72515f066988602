package org.vigie.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jmisb.api.klv.st0601.FrameCenterLatitude;
import org.jmisb.api.klv.st0601.FrameCenterLongitude;
import org.jmisb.api.klv.st0601.PrecisionTimeStamp;
import org.jmisb.api.klv.st0601.UasDatalinkMessage;
import org.jmisb.api.klv.st0601.UasDatalinkTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.geofence.geodesy.GeoPoint;
import org.vigie.geofence.geodesy.Geodesy;
import org.vigie.geofence.io.Json;
import org.vigie.dispatch.FlightOutcome;
import org.vigie.mission.FlightReport;

/**
 * The quick start's whole {@code flight.klv} read by jmisb, an independent MISB ST 0601 decoder: every packet parses
 * with a valid checksum, and while the flight is ON_SCENE (its interval taken from {@code telemetry.jsonl}, whose
 * {@code t_us} is the same UTC clock as the KLV precision time stamp) the frame centre falls on the target.
 */
class QuickStartKlvTest {

    /** The 16-byte UAS Datalink Local Set universal key that starts every packet. */
    private static final byte[] UAS_LS_KEY = {0x06, 0x0E, 0x2B, 0x34, 0x02, 0x0B, 0x01, 0x01, 0x0E, 0x01, 0x03,
        0x01, 0x01, 0x00, 0x00, 0x00};

    @Test
    void jmisbReadsTheWholeFlightKlvAndTheFrameCentreIsOnTheTargetOnScene(@TempDir Path out) throws Exception {
        FlightReport r = QuickStart.run(out);
        assertThat(r.outcome()).as(r.outcomeReason()).isEqualTo(FlightOutcome.COMPLETED);

        // the ON_SCENE interval, from the telemetry stream
        long onSceneFromUs = Long.MAX_VALUE;
        long onSceneToUs = Long.MIN_VALUE;
        for (String line : Files.readAllLines(out.resolve("telemetry.jsonl"))) {
            Map<?, ?> m = (Map<?, ?>) Json.parse(line);
            if ("ON_SCENE".equals(m.get("phase"))) {
                long t = ((Number) m.get("t_us")).longValue();
                onSceneFromUs = Math.min(onSceneFromUs, t);
                onSceneToUs = Math.max(onSceneToUs, t);
            }
        }
        assertThat(onSceneToUs - onSceneFromUs).as("on-scene duration, us").isGreaterThan(40_000_000L);

        List<byte[]> packets = split(Files.readAllBytes(out.resolve("flight.klv")));
        assertThat(packets).as("10 Hz over the whole flight").hasSizeGreaterThan(
                (int) (r.totalTime().toSeconds() * 9));

        GeoPoint target = QuickStart.PLACE_DES_VOSGES;
        int onScene = 0;
        int onSceneWithCentre = 0;
        double worstM = 0;
        for (byte[] p : packets) {
            UasDatalinkMessage msg = new UasDatalinkMessage(p); // throws KlvParseException on a bad checksum
            PrecisionTimeStamp ts = (PrecisionTimeStamp) msg.getField(UasDatalinkTag.PrecisionTimeStamp);
            assertThat(ts).as("every packet is time-stamped").isNotNull();
            long t = ts.getMicroseconds();
            if (t < onSceneFromUs || t > onSceneToUs) {
                continue;
            }
            onScene++;
            FrameCenterLatitude lat = (FrameCenterLatitude) msg.getField(UasDatalinkTag.FrameCenterLatitude);
            FrameCenterLongitude lon = (FrameCenterLongitude) msg.getField(UasDatalinkTag.FrameCenterLongitude);
            if (lat == null || lon == null) {
                continue;
            }
            onSceneWithCentre++;
            double d = Geodesy.distanceM(new GeoPoint(lat.getDegrees(), lon.getDegrees(), 0),
                    new GeoPoint(target.latDeg(), target.lonDeg(), 0));
            worstM = Math.max(worstM, d);
            assertThat(d).as("frame centre %.7f, %.7f at t=%d us, %.1f s into ON_SCENE", lat.getDegrees(),
                    lon.getDegrees(), t, (t - onSceneFromUs) / 1e6).isLessThan(15.0);
        }
        assertThat(onScene).as("KLV packets during ON_SCENE").isGreaterThan(400);
        assertThat(onSceneWithCentre).as("on-scene packets with a frame centre").isGreaterThan(onScene * 9 / 10);
        System.out.printf("flight.klv: %d packets, %d on scene, %d with a frame centre, worst %.2f m%n",
                packets.size(), onScene, onSceneWithCentre, worstM);
    }

    /** Splits a file of concatenated KLV packets: 16-byte key, BER length, value; anything else fails the test. */
    private static List<byte[]> split(byte[] file) {
        List<byte[]> packets = new ArrayList<>();
        int i = 0;
        while (i < file.length) {
            assertThat(Arrays.copyOfRange(file, i, Math.min(file.length, i + 16))).as("key at byte %d", i)
                    .isEqualTo(UAS_LS_KEY);
            int j = i + 16;
            int first = file[j++] & 0xFF;
            int length;
            if (first < 0x80) {
                length = first;
            } else {
                int n = first & 0x7F;
                assertThat(n).as("BER length octets at byte %d", i).isBetween(1, 4);
                length = 0;
                for (int k = 0; k < n; k++) {
                    length = (length << 8) | (file[j++] & 0xFF);
                }
            }
            assertThat(j + length).as("packet at byte %d fits in the file", i).isLessThanOrEqualTo(file.length);
            packets.add(Arrays.copyOfRange(file, i, j + length));
            i = j + length;
        }
        return packets;
    }
}
