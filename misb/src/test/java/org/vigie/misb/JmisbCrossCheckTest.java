package org.vigie.misb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.jmisb.api.common.KlvParseException;
import org.jmisb.api.klv.st0601.IUasDatalinkValue;
import org.jmisb.api.klv.st0601.UasDatalinkMessage;
import org.jmisb.api.klv.st0601.UasDatalinkTag;
import org.junit.jupiter.api.Test;

/** jmisb, an independent ST 0601 implementation, must read every packet we write, value by value. */
class JmisbCrossCheckTest {

    /** A random packet of every implemented item, about one value in eight out of range or NaN. */
    static St0601Packet randomPacket(Random rnd) {
        St0601Packet.Builder b = St0601Packet.builder();
        b.add(new PrecisionTimeStamp(rnd.nextLong() & 0x000F_FFFF_FFFF_FFFFL));
        b.add(new MissionId("ALERT-" + rnd.nextInt(100000)));
        b.add(new PlatformHeading(v(rnd, -720, 720)));
        b.add(new PlatformPitch(v(rnd, -20, 20)));
        b.add(new PlatformRoll(v(rnd, -50, 50)));
        b.add(new PlatformDesignation("Vigie quad " + rnd.nextInt(10)));
        b.add(new SensorLatitude(v(rnd, -90, 90)));
        b.add(new SensorLongitude(v(rnd, -180, 180)));
        b.add(new SensorTrueAltitude(v(rnd, -900, 19000)));
        b.add(new HorizontalFov(v(rnd, 0, 180)));
        b.add(new VerticalFov(v(rnd, 0, 180)));
        b.add(new SensorRelativeAzimuth(v(rnd, -360, 720)));
        b.add(new SensorRelativeElevation(v(rnd, -180, 180)));
        b.add(new SensorRelativeRoll(v(rnd, 0, 360)));
        b.add(new SlantRange(v(rnd, 0, 5_000_000)));
        b.add(new FrameCenterLatitude(v(rnd, -90, 90)));
        b.add(new FrameCenterLongitude(v(rnd, -180, 180)));
        b.add(new FrameCenterElevation(v(rnd, -900, 19000)));
        for (int p = 1; p <= 4; p++) {
            b.add(new OffsetCornerLatitude(p, v(rnd, -0.075, 0.075)));
            b.add(new OffsetCornerLongitude(p, v(rnd, -0.075, 0.075)));
        }
        b.add(new PlatformGroundSpeed(v(rnd, 0, 255)));
        b.add(new UasLsVersion(UasLsVersion.CURRENT));
        for (int p = 1; p <= 4; p++) {
            b.add(new FullCornerLatitude(p, v(rnd, -90, 90)));
            b.add(new FullCornerLongitude(p, v(rnd, -180, 180)));
        }
        b.add(new PlatformPitchFull(v(rnd, -90, 90)));
        b.add(new PlatformRollFull(v(rnd, -90, 90)));
        return b.build();
    }

    private static double v(Random rnd, double min, double max) {
        int k = rnd.nextInt(16);
        if (k == 0) {
            return Double.NaN;
        }
        if (k == 1) {
            return max + (max - min) * rnd.nextDouble() + 1e-3;
        }
        if (k == 2) {
            return min;
        }
        if (k == 3) {
            return max;
        }
        return min + (max - min) * rnd.nextDouble();
    }

    @Property(tries = 400)
    void jmisbReadsEveryPacketWithinOneLsb(@ForAll long seed) throws Exception {
        St0601Packet packet = randomPacket(new Random(seed));
        byte[] bytes = new St0601Encoder().encode(packet);
        UasDatalinkMessage msg = new UasDatalinkMessage(bytes); // throws on bad checksum

        List<Integer> sent = new ArrayList<>();
        for (St0601Value ours : packet.items()) {
            if (ours.encodedLength() == 0) {
                assertThat(msg.getField(UasDatalinkTag.getTag(ours.tag()))).as("omitted %s", ours).isNull();
                continue;
            }
            sent.add(ours.tag());
            IUasDatalinkValue theirs = msg.getField(UasDatalinkTag.getTag(ours.tag()));
            assertThat(theirs).as("jmisb field for %s", ours).isNotNull();
            assertAgrees(ours, theirs);
        }
        assertThat(msg.getTags()).extracting(UasDatalinkTag::getCode).containsExactlyInAnyOrderElementsOf(sent);
    }

    @Property(tries = 200)
    void ourDecoderRoundTripsWithinOneLsb(@ForAll long seed) {
        St0601Packet packet = randomPacket(new Random(seed));
        byte[] bytes = new St0601Encoder().encode(packet);
        DecodeResult r = new St0601Decoder().decode(bytes, 0, bytes.length);
        assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
        DecodeResult.Decoded d = (DecodeResult.Decoded) r;
        assertThat(d.undecoded()).isEmpty();
        assertThat(d.consumedBytes()).isEqualTo(bytes.length);
        List<St0601Value> expected = packet.items().stream().filter(x -> x.encodedLength() > 0).toList();
        assertThat(d.packet().items()).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            St0601Value want = expected.get(i);
            St0601Value got = d.packet().items().get(i);
            assertThat(got.tag()).isEqualTo(want.tag());
            if (want instanceof MissionId || want instanceof PlatformDesignation || want instanceof PrecisionTimeStamp
                    || want instanceof UasLsVersion) {
                assertThat(got).isEqualTo(want);
                continue;
            }
            double w = number(want);
            double g = number(got);
            if (!mappingOf(want).inRange(w)) {
                assertThat(g).as("%s decoded from error indicator", want).isNaN();
            } else {
                assertThat(angularDiff(want, w, g)).as("%s vs %s", want, got).isLessThanOrEqualTo(lsb(want) * 1.0001);
            }
        }
    }

    @Test
    void jmisbRejectsAPacketWhoseChecksumWeCorrupted() {
        byte[] bytes = new St0601Encoder().encode(randomPacket(new Random(7)));
        bytes[bytes.length - 1] ^= 0x01;
        assertThatThrownBy(() -> new UasDatalinkMessage(bytes)).isInstanceOf(KlvParseException.class);
        assertThat(new St0601Decoder().decode(bytes, 0, bytes.length)).isInstanceOf(DecodeResult.Rejected.class)
                .extracting(x -> ((DecodeResult.Rejected) x).reason()).isEqualTo(DecodeResult.Reason.BAD_CHECKSUM);
    }

    @Test
    void jmisbFramesTheSameBytesForTheSameValues() throws Exception {
        St0601Packet ours = St0601Packet.builder().add(new PrecisionTimeStamp(1_700_000_000_000_000L))
                .add(new SensorLatitude(48.8566)).add(new SensorLongitude(2.3522)).add(new SensorTrueAltitude(120.5))
                .add(new UasLsVersion(17)).build();
        var map = new java.util.TreeMap<UasDatalinkTag, IUasDatalinkValue>();
        map.put(UasDatalinkTag.PrecisionTimeStamp, new org.jmisb.api.klv.st0601.PrecisionTimeStamp(1_700_000_000_000_000L));
        map.put(UasDatalinkTag.SensorLatitude, new org.jmisb.api.klv.st0601.SensorLatitude(48.8566));
        map.put(UasDatalinkTag.SensorLongitude, new org.jmisb.api.klv.st0601.SensorLongitude(2.3522));
        map.put(UasDatalinkTag.SensorTrueAltitude, new org.jmisb.api.klv.st0601.SensorTrueAltitude(120.5));
        map.put(UasDatalinkTag.UasLdsVersionNumber, new org.jmisb.api.klv.st0601.ST0601Version((short) 17));
        byte[] theirs = new UasDatalinkMessage(map).frameMessage(false);
        assertThat(new St0601Encoder().encode(ours)).isEqualTo(theirs);
    }

    static void assertAgrees(St0601Value ours, IUasDatalinkValue theirs) throws Exception {
        if (ours instanceof MissionId m) {
            assertThat(call(theirs, "getValue")).isEqualTo(m.missionId());
            return;
        }
        if (ours instanceof PlatformDesignation p) {
            assertThat(call(theirs, "getValue")).isEqualTo(p.designation());
            return;
        }
        double want = number(ours);
        double got = ((Number) firstGetter(theirs)).doubleValue();
        if (ours instanceof PrecisionTimeStamp || ours instanceof UasLsVersion) {
            assertThat(got).isEqualTo(want);
            return;
        }
        LinearMapping m = mappingOf(ours);
        if (!m.inRange(want)) {
            assertThat(Double.isInfinite(got) || Double.isNaN(got)).as("%s: jmisb read %s", ours, got).isTrue();
            return;
        }
        assertThat(angularDiff(ours, want, got)).as("%s: jmisb read %s", ours, got)
                .isLessThanOrEqualTo(lsb(ours) * 1.0001);
    }

    private static double angularDiff(St0601Value v, double a, double b) {
        double d = Math.abs(a - b);
        if (v instanceof PlatformHeading || v instanceof SensorRelativeAzimuth || v instanceof SensorRelativeRoll) {
            d = d % 360;
            d = Math.min(d, 360 - d);
        }
        return d;
    }

    private static double lsb(St0601Value v) {
        return v instanceof PlatformGroundSpeed ? 0.5 + 1e-9 : mappingOf(v).lsb(); // jmisb keeps speed as int
    }

    static LinearMapping mappingOf(St0601Value v) {
        try {
            var f = v.getClass().getDeclaredField("MAPPING");
            return (LinearMapping) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("no mapping for " + v, e);
        }
    }

    /** The numeric component of a value record (the last one: corner records lead with the point number). */
    static double number(St0601Value v) {
        try {
            var comps = v.getClass().getRecordComponents();
            Object o = comps[comps.length - 1].getAccessor().invoke(v);
            return ((Number) o).doubleValue();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("not numeric: " + v, e);
        }
    }

    private static Object firstGetter(Object o) throws Exception {
        for (String name : new String[] {"getDegrees", "getMeters", "getMicroseconds", "getMetersPerSecond", "getVersion"}) {
            try {
                Method m = o.getClass().getMethod(name);
                return m.invoke(o);
            } catch (NoSuchMethodException e) {
                // try the next accessor
            }
        }
        throw new AssertionError("no numeric accessor on " + o.getClass());
    }

    private static Object call(Object o, String name) throws Exception {
        return o.getClass().getMethod(name).invoke(o);
    }
}
