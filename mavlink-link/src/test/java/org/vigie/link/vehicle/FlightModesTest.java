package org.vigie.link.vehicle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FlightModesTest {

    @Test
    void arduCopterNumbersFollowModeH() {
        String[] names = {"STABILIZE", "ACRO", "ALT_HOLD", "AUTO", "GUIDED", "LOITER", "RTL", "CIRCLE", null, "LAND",
            null, "DRIFT", null, "SPORT", "FLIP", "AUTOTUNE", "POSHOLD", "BRAKE", "THROW", "AVOID_ADSB", "GUIDED_NOGPS",
            "SMART_RTL", "FLOWHOLD", "FOLLOW", "ZIGZAG", "SYSTEMID", "AUTOROTATE", "AUTO_RTL", "TURTLE"};
        for (int n = 0; n < names.length; n++) {
            if (names[n] == null) {
                assertThat(FlightModes.fromCustomMode(AutopilotFlavour.ARDUPILOT, n)).isEmpty();
                assertThat(FlightModes.modeName(AutopilotFlavour.ARDUPILOT, n)).isEqualTo("UNKNOWN(" + n + ")");
            } else {
                assertThat(FlightModes.modeNumber(AutopilotFlavour.ARDUPILOT, names[n])).isEqualTo(n);
                assertThat(FlightModes.modeName(AutopilotFlavour.ARDUPILOT, n)).isEqualTo(names[n]);
            }
        }
        assertThat(FlightModes.modes(AutopilotFlavour.ARDUPILOT)).hasSize(26);
        assertThat(FlightModes.modeNumber(AutopilotFlavour.ARDUPILOT, "guided")).isEqualTo(4);
        FlightMode guided = FlightModes.find(AutopilotFlavour.ARDUPILOT, "GUIDED").orElseThrow();
        assertThat(guided.baseMode()).isEqualTo(1);
    }

    @Test
    void px4CustomModePacksMainAndSubModes() {
        assertThat(FlightModes.modeNumber(AutopilotFlavour.PX4, "MANUAL")).isEqualTo(0x0001_0000L);
        assertThat(FlightModes.modeNumber(AutopilotFlavour.PX4, "POSCTL")).isEqualTo(0x0003_0000L);
        assertThat(FlightModes.modeNumber(AutopilotFlavour.PX4, "AUTO_TAKEOFF")).isEqualTo(0x0204_0000L);
        assertThat(FlightModes.modeNumber(AutopilotFlavour.PX4, "AUTO_LOITER")).isEqualTo(0x0304_0000L);
        assertThat(FlightModes.modeNumber(AutopilotFlavour.PX4, "AUTO_MISSION")).isEqualTo(0x0404_0000L);
        assertThat(FlightModes.modeNumber(AutopilotFlavour.PX4, "AUTO_RTL")).isEqualTo(0x0504_0000L);
        assertThat(FlightModes.modeNumber(AutopilotFlavour.PX4, "AUTO_LAND")).isEqualTo(0x0604_0000L);
        assertThat(FlightModes.modeNumber(AutopilotFlavour.PX4, "AUTO_PRECLAND")).isEqualTo(0x0904_0000L);
        assertThat(FlightModes.modeNumber(AutopilotFlavour.PX4, "OFFBOARD")).isEqualTo(0x0006_0000L);
        assertThat(FlightModes.modeNumber(AutopilotFlavour.PX4, "STABILIZED")).isEqualTo(0x0007_0000L);
        assertThat(FlightModes.modeNumber(AutopilotFlavour.PX4, "rtl")).isEqualTo(0x0504_0000L);   // alias
        assertThat(FlightModes.modeNumber(AutopilotFlavour.PX4, "HOLD")).isEqualTo(0x0304_0000L);
        FlightMode mission = FlightModes.find(AutopilotFlavour.PX4, "AUTO_MISSION").orElseThrow();
        assertThat(mission.px4MainMode()).isEqualTo(4);
        assertThat(mission.px4SubMode()).isEqualTo(4);
        for (FlightMode m : FlightModes.modes(AutopilotFlavour.PX4)) {
            assertThat(FlightModes.modeName(AutopilotFlavour.PX4, m.customMode())).isEqualTo(m.name());
        }
        // sub mode bits are ignored for main modes without sub modes; unknown combinations are named by numbers
        assertThat(FlightModes.modeName(AutopilotFlavour.PX4, 0x0106_0000L)).isEqualTo("OFFBOARD");
        assertThat(FlightModes.modeName(AutopilotFlavour.PX4, 0x0704_0000L)).isEqualTo("UNKNOWN(4/7)");
        assertThat(FlightModes.modeName(AutopilotFlavour.PX4, 0)).isEqualTo("UNKNOWN(0/0)");
    }

    @Test
    void unknownNamesAreRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> FlightModes.modeNumber(AutopilotFlavour.ARDUPILOT, "OFFBOARD"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("flight mode 'OFFBOARD' is unknown for ARDUPILOT")
                .hasMessageContaining("GUIDED");
        assertThatThrownBy(() -> FlightModes.modeNumber(AutopilotFlavour.GENERIC, "GUIDED"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(FlightModes.modeName(AutopilotFlavour.GENERIC, 4)).isEqualTo("UNKNOWN(4)");
        assertThatThrownBy(() -> FlightModes.px4CustomMode(256, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("256");
    }

    @Test
    void flavourComesFromHeartbeatAutopilot() {
        assertThat(AutopilotFlavour.fromMavAutopilot(3)).isEqualTo(AutopilotFlavour.ARDUPILOT);
        assertThat(AutopilotFlavour.fromMavAutopilot(12)).isEqualTo(AutopilotFlavour.PX4);
        assertThat(AutopilotFlavour.fromMavAutopilot(0)).isEqualTo(AutopilotFlavour.GENERIC);
    }
}
