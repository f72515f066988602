package org.vigie.misb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The example values and encodings printed in MISB ST 0601 for each item (as also used by jmisb's tests). */
class St0601GoldenTest {

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("precision time stamp 2008-10-24T00:13:29.913Z", new PrecisionTimeStamp(1_224_807_209_913_000L), "000459F4A6AA4AA8"),
                Arguments.of("platform heading 159.9744", new PlatformHeading(159.9744), "71C2"),
                Arguments.of("platform pitch -0.4315251", new PlatformPitch(-0.4315251), "FD3D"),
                Arguments.of("platform roll 3.405814", new PlatformRoll(3.405814), "08B8"),
                Arguments.of("sensor latitude 60.17682296", new SensorLatitude(60.17682296), "5595B66D"),
                Arguments.of("sensor longitude 128.42675904", new SensorLongitude(128.42675904), "5B5360C4"),
                Arguments.of("sensor true altitude 14190.72", new SensorTrueAltitude(14190.72), "C221"),
                Arguments.of("horizontal fov 144.5713", new HorizontalFov(144.5713), "CD9C"),
                Arguments.of("vertical fov 152.6436", new VerticalFov(152.6436), "D917"),
                Arguments.of("sensor relative azimuth 160.71921147", new SensorRelativeAzimuth(160.71921147), "724A0A20"),
                Arguments.of("sensor relative elevation -168.79232483", new SensorRelativeElevation(-168.79232483), "87F84B86"),
                Arguments.of("slant range 68590.98329874477", new SlantRange(68590.98329874477), "03830926"),
                Arguments.of("frame centre latitude -10.54238863", new FrameCenterLatitude(-10.54238863), "F101A229"),
                Arguments.of("frame centre longitude 29.15789012", new FrameCenterLongitude(29.15789012), "14BC082B"),
                Arguments.of("frame centre elevation 3216.037", new FrameCenterElevation(3216.037), "34F3"),
                Arguments.of("platform pitch minimum", new PlatformPitch(-20.0), "8001"),
                Arguments.of("platform pitch error", new PlatformPitch(Double.NaN), "8000"),
                Arguments.of("platform pitch out of range -> error", new PlatformPitch(20.01), "8000"),
                Arguments.of("slant range maximum", new SlantRange(5_000_000.0), "FFFFFFFF"),
                Arguments.of("latitude error", new SensorLatitude(91.0), "80000000"),
                Arguments.of("corner offset error", new OffsetCornerLatitude(1, 0.08), "8000"),
                Arguments.of("mission id", new MissionId("MISSION01"), "4D495353494F4E3031"),
                Arguments.of("version 17", new UasLsVersion(17), "11"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void encodesAsTheStandardPrints(String name, St0601Value value, String hex) {
        byte[] expected = HexFormat.of().parseHex(hex);
        assertThat(value.encodedLength()).isEqualTo(expected.length);
        byte[] actual = new byte[expected.length];
        value.writeValue(actual, 0);
        assertThat(HexFormat.of().withUpperCase().formatHex(actual)).isEqualTo(hex);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void ourDecoderReadsTheStandardsBytesBack(String name, St0601Value value, String hex) {
        St0601Packet packet = St0601Packet.builder().add(value).build();
        byte[] bytes = new St0601Encoder().encode(packet);
        DecodeResult r = new St0601Decoder().decode(bytes, 0, bytes.length);
        assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
        St0601Value back = ((DecodeResult.Decoded) r).packet().items().get(0);
        assertThat(back.tag()).isEqualTo(value.tag());
        byte[] again = new byte[back.encodedLength()];
        back.writeValue(again, 0);
        assertThat(HexFormat.of().withUpperCase().formatHex(again)).isEqualTo(hex);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("omitted")
    void valuesWithoutAnErrorIndicatorAreOmittedWhenOutOfRange(St0601Value value) {
        assertThat(value.encodedLength()).isZero();
        byte[] bytes = new St0601Encoder().encode(St0601Packet.builder().add(value).build());
        // key + length + checksum item only
        assertThat(bytes).hasSize(16 + 1 + 4);
    }

    static Stream<St0601Value> omitted() {
        return Stream.of(new SensorTrueAltitude(19000.5), new SensorTrueAltitude(-901), new SensorTrueAltitude(Double.NaN),
                new HorizontalFov(180.1), new VerticalFov(-1), new SlantRange(-0.5), new SlantRange(5_000_001),
                new FrameCenterElevation(Double.POSITIVE_INFINITY), new PlatformHeading(Double.NaN),
                new PrecisionTimeStamp(-1), new MissionId(""), new PlatformGroundSpeed(256), new UasLsVersion(300));
    }
}
