package org.vigie.centre.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vigie.centre.CentreAction;
import org.vigie.centre.CentreRecord;
import org.vigie.centre.InMemoryCentreRecorder;

/** The console's copy of the record: everything passed on, the latest kept per incident, all bounded. */
class ConsoleRecorderTest {

    private static CentreRecord rec(String incident, int n) {
        return new CentreRecord(Instant.ofEpochSecond(n), "a1", CentreAction.CANCEL, incident, 1, "r" + n);
    }

    @Test
    void passesEveryRecordOnAndKeepsTheLatestWithinItsBounds() {
        InMemoryCentreRecorder trail = new InMemoryCentreRecorder();
        ConsoleRecorder r = new ConsoleRecorder(trail, 2, 2, 3);
        r.record(rec("I1", 1));
        r.record(rec("I1", 2));
        r.record(rec("I1", 3));
        r.record(rec("I2", 4));
        r.record(rec(null, 5));
        r.record(rec("I3", 6));
        assertThat(trail.records()).hasSize(6);
        assertThat(r.forIncident("I1")).as("the oldest incident forgotten beyond 2 incidents").isEmpty();
        assertThat(r.forIncident("I2")).extracting(CentreRecord::reason).containsExactly("r4");
        assertThat(r.forIncident("I3")).extracting(CentreRecord::reason).containsExactly("r6");
        assertThat(r.forIncident("I9")).isEmpty();
        assertThat(r.recent()).extracting(CentreRecord::reason).containsExactly("r4", "r5", "r6");
    }

    @Test
    void keepsAtMostItsLimitPerIncident() {
        ConsoleRecorder r = new ConsoleRecorder(new InMemoryCentreRecorder(), 2, 10, 10);
        for (int i = 1; i <= 5; i++) {
            r.record(rec("I1", i));
        }
        assertThat(r.forIncident("I1")).extracting(CentreRecord::reason).containsExactly("r4", "r5");
        assertThatThrownBy(() -> new ConsoleRecorder(new InMemoryCentreRecorder(), 0, 1, 1))
                .hasMessageContaining("keepPerIncident 0 (1..10000)");
    }
}
