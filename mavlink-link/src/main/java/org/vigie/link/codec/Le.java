package org.vigie.link.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Little-endian reads from a MAVLink payload with MAVLink 2 zero-extension: the payload occupies
 * {@code b[o .. o + n)}; bytes at or past {@code n} (truncated on the wire) read as zero. Stateless.
 */
final class Le {

    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Le() {}

    static int u8(byte[] b, int o, int n, int i) {
        return i < n ? b[o + i] & 0xFF : 0;
    }

    static int i8(byte[] b, int o, int n, int i) {
        return i < n ? b[o + i] : 0;
    }

    static int i16(byte[] b, int o, int n, int i) {
        if (i + 2 <= n) {
            return (short) I16.get(b, o + i);
        }
        return (short) (u8(b, o, n, i) | u8(b, o, n, i + 1) << 8);
    }

    static int u16(byte[] b, int o, int n, int i) {
        return i16(b, o, n, i) & 0xFFFF;
    }

    static int i32(byte[] b, int o, int n, int i) {
        if (i + 4 <= n) {
            return (int) I32.get(b, o + i);
        }
        int v = 0;
        for (int k = 3; k >= 0; k--) {
            v = v << 8 | u8(b, o, n, i + k);
        }
        return v;
    }

    static long u32(byte[] b, int o, int n, int i) {
        return i32(b, o, n, i) & 0xFFFF_FFFFL;
    }

    static long i64(byte[] b, int o, int n, int i) {
        if (i + 8 <= n) {
            return (long) I64.get(b, o + i);
        }
        long v = 0;
        for (int k = 7; k >= 0; k--) {
            v = v << 8 | u8(b, o, n, i + k);
        }
        return v;
    }

    static float f32(byte[] b, int o, int n, int i) {
        return Float.intBitsToFloat(i32(b, o, n, i));
    }

    static double f64(byte[] b, int o, int n, int i) {
        return Double.longBitsToDouble(i64(b, o, n, i));
    }

    /** A char[] field: UTF-8 up to the first NUL or the field's end (dronefleet's rule). */
    static String string(byte[] b, int o, int n, int i, int size) {
        int avail = Math.max(0, Math.min(size, n - i));
        if (avail == 0) {
            return "";
        }
        int len = 0;
        while (len < avail && b[o + i + len] != 0) {
            len++;
        }
        return new String(b, o + i, len, StandardCharsets.UTF_8);
    }

    static byte[] bytes(byte[] b, int o, int n, int i, int size) {
        byte[] out = new byte[size];
        int avail = Math.max(0, Math.min(size, n - i));
        if (avail > 0) {
            System.arraycopy(b, o + i, out, 0, avail);
        }
        return out;
    }

    static List<Integer> listOfInt(byte[] b, int o, int n, int i, int count, int unit, boolean signed) {
        Integer[] v = new Integer[count];
        for (int k = 0; k < count; k++) {
            int at = i + k * unit;
            v[k] = switch (unit) {
                case 1 -> signed ? i8(b, o, n, at) : u8(b, o, n, at);
                case 2 -> signed ? i16(b, o, n, at) : u16(b, o, n, at);
                default -> i32(b, o, n, at);
            };
        }
        return Arrays.asList(v);
    }

    static List<Long> listOfLong(byte[] b, int o, int n, int i, int count, int unit, boolean signed) {
        Long[] v = new Long[count];
        for (int k = 0; k < count; k++) {
            int at = i + k * unit;
            v[k] = unit == 4 ? (signed ? (long) i32(b, o, n, at) : u32(b, o, n, at)) : i64(b, o, n, at);
        }
        return Arrays.asList(v);
    }

    static List<Float> listOfFloat(byte[] b, int o, int n, int i, int count, int unit, boolean signed) {
        Float[] v = new Float[count];
        for (int k = 0; k < count; k++) {
            v[k] = f32(b, o, n, i + k * unit);
        }
        return Arrays.asList(v);
    }
}
