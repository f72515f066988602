package org.vigie.sim;

/**
 * Hand-written MAVLink payload encoders for the telemetry a vehicle streams many times a second (the reflection
 * serializer is too slow for hundreds of simulated vehicles). Each method returns the full payload (extensions
 * included) in wire order: fields sorted by size, little-endian, then extensions. Their output is checked
 * byte-for-byte against dronefleet's serializer in the tests.
 *
 * <p>Stateless and thread-safe.
 */
final class Payloads {

    private Payloads() {}

    private static final class W {
        final byte[] b;
        int i;

        W(int len) {
            b = new byte[len];
        }

        W u8(int v) {
            b[i++] = (byte) v;
            return this;
        }

        W u16(int v) {
            b[i++] = (byte) v;
            b[i++] = (byte) (v >>> 8);
            return this;
        }

        W u32(long v) {
            b[i++] = (byte) v;
            b[i++] = (byte) (v >>> 8);
            b[i++] = (byte) (v >>> 16);
            b[i++] = (byte) (v >>> 24);
            return this;
        }

        W u64(long v) {
            u32(v);
            return u32(v >>> 32);
        }

        W f32(float v) {
            return u32(Float.floatToIntBits(v));
        }
    }

    static byte[] heartbeat(int type, int autopilot, int baseMode, long customMode, int systemStatus) {
        return new W(9).u32(customMode).u8(type).u8(autopilot).u8(baseMode).u8(systemStatus).u8(3).b;
    }

    static byte[] sysStatus(int present, int enabled, int health, int load, int voltageMv, int currentCa,
                            int remaining) {
        return new W(43).u32(present).u32(enabled).u32(health).u16(load).u16(voltageMv).u16(currentCa).u16(0)
                .u16(0).u16(0).u16(0).u16(0).u16(0).u8(remaining).b;
    }

    static byte[] systemTime(long unixUs, long bootMs) {
        return new W(12).u64(unixUs).u32(bootMs).b;
    }

    static byte[] gpsRawInt(long timeUs, int fixType, int lat, int lon, int alt, int eph, int epv, int vel, int cog,
                            int sats) {
        return new W(52).u64(timeUs).u32(lat).u32(lon).u32(alt).u16(eph).u16(epv).u16(vel).u16(cog).u8(fixType)
                .u8(sats).b;
    }

    static byte[] attitude(long bootMs, float roll, float pitch, float yaw, float rollspeed, float pitchspeed,
                           float yawspeed) {
        return new W(28).u32(bootMs).f32(roll).f32(pitch).f32(yaw).f32(rollspeed).f32(pitchspeed).f32(yawspeed).b;
    }

    static byte[] globalPositionInt(long bootMs, int lat, int lon, int alt, int relAlt, int vx, int vy, int vz,
                                    int hdg) {
        return new W(28).u32(bootMs).u32(lat).u32(lon).u32(alt).u32(relAlt).u16(vx).u16(vy).u16(vz).u16(hdg).b;
    }

    static byte[] missionCurrent(int seq, int total, int state, int mode) {
        return new W(6).u16(seq).u16(total).u8(state).u8(mode).b;
    }

    static byte[] vfrHud(float airspeed, float groundspeed, float alt, float climb, int heading, int throttle) {
        return new W(20).f32(airspeed).f32(groundspeed).f32(alt).f32(climb).u16(heading).u16(throttle).b;
    }

    static byte[] extendedSysState(int vtolState, int landedState) {
        return new W(2).u8(vtolState).u8(landedState).b;
    }

    static byte[] ekfStatusReport(float velVar, float posHorizVar, float posVertVar, float compassVar,
                                  float terrainVar, int flags, float airspeedVar) {
        return new W(26).f32(velVar).f32(posHorizVar).f32(posVertVar).f32(compassVar).f32(terrainVar).u16(flags)
                .f32(airspeedVar).b;
    }

    static byte[] batteryStatus(int consumedMah, int energyHj, int temperature, int cell0Mv, int currentCa,
                                int remaining, int chargeState) {
        W w = new W(54).u32(consumedMah).u32(energyHj).u16(temperature).u16(cell0Mv);
        for (int k = 1; k < 10; k++) {
            w.u16(65535);
        }
        return w.u16(currentCa).u8(0).u8(0).u8(0).u8(remaining).u32(0).u8(chargeState).b;
    }

    static byte[] homePosition(int lat, int lon, int alt, float x, float y, float z, float[] q, long timeUs) {
        W w = new W(60).u32(lat).u32(lon).u32(alt).f32(x).f32(y).f32(z);
        for (float f : q) {
            w.f32(f);
        }
        return w.f32(0).f32(0).f32(0).u64(timeUs).b;
    }
}
