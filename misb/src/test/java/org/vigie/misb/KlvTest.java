package org.vigie.misb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KlvTest {

    @Test
    void checksumMatchesTheStandardsExample() {
        // ST 0601 checksum example: 060E 2B34 0200 81BB -> B4FD
        byte[] bytes = {0x06, 0x0E, 0x2B, 0x34, 0x02, 0x00, (byte) 0x81, (byte) 0xBB};
        assertThat(Klv.checksum(bytes, 0, bytes.length)).isEqualTo(0xB4FD);
    }

    @Test
    void checksumOfOddLengthShiftsTheLastByte() {
        byte[] bytes = {0x01, 0x02, 0x03};
        assertThat(Klv.checksum(bytes, 0, 3)).isEqualTo(0x0102 + 0x0300);
        assertThat(Klv.checksum(new byte[] {(byte) 0xFF, (byte) 0xFF, 0, 1}, 0, 4)).isEqualTo(0x0000);
    }

    @Test
    void berLengthUsesShortFormBelow128AndShortestLongFormAbove() {
        byte[] b = new byte[8];
        assertThat(Klv.writeBerLength(127, b, 0)).isEqualTo(1);
        assertThat(b[0]).isEqualTo((byte) 0x7F);
        assertThat(Klv.writeBerLength(128, b, 0)).isEqualTo(2);
        assertThat(b[0]).isEqualTo((byte) 0x81);
        assertThat(b[1]).isEqualTo((byte) 0x80);
        assertThat(Klv.writeBerLength(0x1234, b, 0)).isEqualTo(3);
        assertThat(new byte[] {b[0], b[1], b[2]}).containsExactly(0x82, 0x12, 0x34);
        assertThatThrownBy(() -> Klv.berLengthSize(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void berOidSplitsIntoSevenBitGroups() {
        byte[] b = new byte[4];
        assertThat(Klv.writeBerOid(65, b, 0)).isEqualTo(1);
        assertThat(b[0]).isEqualTo((byte) 65);
        assertThat(Klv.writeBerOid(144, b, 0)).isEqualTo(2);
        assertThat(new byte[] {b[0], b[1]}).containsExactly(0x81, 0x10);
        assertThat(Klv.writeBerOid(16383, b, 0)).isEqualTo(2);
        assertThat(new byte[] {b[0], b[1]}).containsExactly(0xFF, 0x7F);
    }
}
