package org.vigie.link.codec;

import io.dronefleet.mavlink.annotations.MavlinkFieldInfo;
import java.lang.reflect.*;
import java.util.*;

/**
 * Regenerates the body of {@code FastDecoders} (imports, enum caches, switch cases, one builder chain per message)
 * from dronefleet's annotations, for the message ids given as a comma-separated argument. Not a test: run it by hand
 * after a dronefleet upgrade, paste its output into FastDecoders, and let {@link FastDecoderTest} prove the result
 * equal to the reflection decode.
 *
 * <p>{@code java -cp <test classpath> org.vigie.link.codec.FastDecoderGenerator 0,1,2,22,24,...}
 */
public final class FastDecoderGenerator {
    static Map<Class<?>, String> enumCaches = new LinkedHashMap<>();
    static Set<String> imports = new TreeSet<>();

    private FastDecoderGenerator() {}

    /**
     * Prints the generated source to standard output.
     *
     * @param a one argument: comma-separated message ids
     * @throws Exception on reflection failures
     */
    public static void main(String[] a) throws Exception {
        MessageTable t = MessageTable.ardupilotmega();
        int[] ids = Arrays.stream(a[0].split(",")).mapToInt(Integer::parseInt).toArray();
        StringBuilder cases = new StringBuilder();
        StringBuilder methods = new StringBuilder();
        for (int id : ids) {
            Class<?> type = t.type(id);
            if (type == null) { System.err.println("unknown " + id); continue; }
            imports.add(type.getName());
            String simple = type.getSimpleName();
            Method builderM = type.getMethod("builder");
            Class<?> bc = builderM.getReturnType();
            cases.append("            case ").append(id).append(" -> ").append(lower(simple)).append("(b, o, n);\n");
            StringBuilder m = new StringBuilder();
            m.append("    /** ").append(simple).append(" (id ").append(id).append(", ")
             .append(t.maxPayloadLength(id)).append(" bytes). */\n");
            m.append("    static ").append(simple).append(" ").append(lower(simple)).append("(byte[] b, int o, int n) {\n");
            m.append("        return ").append(simple).append(".builder()");
            for (MessageTable.FieldLayout f : t.fieldLayout(id)) {
                Method bm = null;
                for (Method x : bc.getMethods()) {
                    if (x.getName().equals(f.name()) && x.isAnnotationPresent(MavlinkFieldInfo.class)) bm = x;
                }
                if (bm == null) throw new IllegalStateException(simple + "." + f.name());
                MavlinkFieldInfo fi = bm.getAnnotation(MavlinkFieldInfo.class);
                Class<?> p = bm.getParameterTypes()[0];
                Type gp = bm.getGenericParameterTypes()[0];
                m.append("\n                .").append(f.name()).append("(").append(read(p, gp, fi, f)).append(")");
            }
            m.append("\n                .build();\n    }\n\n");
            methods.append(m);
        }
        StringBuilder caches = new StringBuilder();
        for (var e : enumCaches.entrySet()) {
            imports.add(e.getKey().getName());
            caches.append("    private static final EnumCache<").append(e.getKey().getSimpleName()).append("> ")
                  .append(e.getValue()).append(" = new EnumCache<>(").append(e.getKey().getSimpleName()).append(".class);\n");
        }
        StringBuilder out = new StringBuilder();
        for (String i : imports) out.append("import ").append(i).append(";\n");
        out.append("\n//CACHES\n").append(caches).append("\n//CASES\n").append(cases).append("\n//METHODS\n").append(methods);
        System.out.print(out);
    }

    static String lower(String s) { return Character.toLowerCase(s.charAt(0)) + s.substring(1); }

    static String scalar(int unit, boolean signed, int off) {
        String at = "b, o, n, " + off;
        return switch (unit) {
            case 1 -> signed ? "Le.i8(" + at + ")" : "Le.u8(" + at + ")";
            case 2 -> signed ? "Le.i16(" + at + ")" : "Le.u16(" + at + ")";
            case 4 -> signed ? "Le.i32(" + at + ")" : "Le.u32(" + at + ")";
            case 8 -> "Le.i64(" + at + ")";
            default -> throw new IllegalStateException();
        };
    }

    static String read(Class<?> p, Type gp, MavlinkFieldInfo fi, MessageTable.FieldLayout f) {
        int off = f.offset();
        if (p == int.class) {
            String s = scalar(f.unitSize(), fi.signed(), off);
            return f.unitSize() == 8 || (f.unitSize() == 4 && !fi.signed()) ? "(int) " + s : s;
        }
        if (p == long.class) return scalar(f.unitSize(), fi.signed(), off);
        if (p == short.class || p == byte.class || p == char.class) throw new IllegalStateException("type " + p);
        if (p == float.class) return "Le.f32(b, o, n, " + off + ")";
        if (p == double.class) return "Le.f64(b, o, n, " + off + ")";
        if (p == String.class) return "Le.string(b, o, n, " + off + ", " + f.size() + ")";
        if (p == byte[].class) return "Le.bytes(b, o, n, " + off + ", " + f.size() + ")";
        if (p == java.math.BigInteger.class) {
            imports.add("java.math.BigInteger");
            return "BigInteger.valueOf(Le.i64(b, o, n, " + off + "))";
        }
        if (p.getName().equals("io.dronefleet.mavlink.util.EnumValue")) {
            Class<?> et = fi.enumType();
            String name = enumCaches.computeIfAbsent(et, c -> c.getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase());
            String s = scalar(f.unitSize(), fi.signed(), off);
            if (f.unitSize() == 8 || (f.unitSize() == 4 && !fi.signed())) s = "(int) " + s;
            return name + ".get(" + s + ")";
        }
        if (p == List.class) {
            Type el = ((ParameterizedType) gp).getActualTypeArguments()[0];
            String r;
            if (el == Integer.class) r = "Int";
            else if (el == Long.class) r = "Long";
            else if (el == Float.class) r = "Float";
            else throw new IllegalStateException("list of " + el);
            return "Le.listOf" + r + "(b, o, n, " + off + ", " + f.arrayLength() + ", " + f.unitSize() + ", " + fi.signed() + ")";
        }
        throw new IllegalStateException("type " + p + " for " + f);
    }
}
