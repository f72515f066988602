package org.vigie.link.mission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vigie.link.testkit.LossyLink;
import org.vigie.link.testkit.UploadTrials;

/**
 * Mission uploads over a seeded lossy link to the scripted ArduCopter: robustness guarantees and the measurement
 * table (printed).
 */
class MissionLossTest {

    private static final TransferOptions PER_ITEM_ONLY = TransferOptions.defaults();
    private static final TransferOptions WITH_POLICY = TransferOptions.defaults().withTransferPolicy(5, false);

    @Test
    void fiftySeededUploadsOfThirtyItemsAtTwentyPercentLossEachWayAllComplete() {
        UploadTrials.Summary s = UploadTrials.run(50, 30, LossyLink.Config.loss(0.20), WITH_POLICY, 1000);
        assertThat(s.hung()).isZero();
        assertThat(s.completed()).as("%s", s).isEqualTo(50);
        assertThat(s.falseSuccesses()).isZero();
    }

    @Test
    void mixedFaultsDropCorruptDuplicateReorderAtTwentyPercentAllComplete() {
        UploadTrials.Summary s = UploadTrials.run(50, 30, LossyLink.Config.mixed(0.20), WITH_POLICY, 2000);
        assertThat(s.hung()).isZero();
        assertThat(s.completed()).as("%s", s).isEqualTo(50);
        assertThat(s.falseSuccesses()).isZero();
    }

    @Test
    void atTotalLossEveryUploadEndsInTimeoutAfterTheConfiguredRetriesAndNeverHangs() {
        TransferOptions twoAttempts = TransferOptions.defaults().withTransferPolicy(2, false);
        UploadTrials.Summary s = UploadTrials.run(10, 30, LossyLink.Config.loss(1.0), twoAttempts, 3000);
        assertThat(s.hung()).isZero();
        assertThat(s.results()).containsOnlyKeys(TransferResult.TIMEOUT);
        // 2 attempts x (COUNT + 5 resends) x 1500 ms
        assertThat(s.maxVirtualMs()).isEqualTo(2 * 6 * 1500);
        assertThat(s.meanResends()).isEqualTo(10.0);
        assertThat(s.unknownOnFailure()).isEqualTo(10);
    }

    @Test
    void failedUploadsNeverClaimAPlanOnBoard() {
        UploadTrials.Summary s = UploadTrials.run(30, 30, LossyLink.Config.loss(0.35), PER_ITEM_ONLY, 4000);
        assertThat(s.hung()).isZero();
        assertThat(s.falseSuccesses()).isZero();
        assertThat(s.unknownOnFailure()).isEqualTo(s.trials() - s.completed());
    }

    /** The measurement behind the README table (400 uploads): run with {@code -Dvigie.lossTable=true}. */
    @Test
    @EnabledIfSystemProperty(named = "vigie.lossTable", matches = "true")
    void printsTheLossTable() {
        StringBuilder sb = new StringBuilder();
        sb.append("| loss each way | policy | completed | mean virtual time | max | mean resends | results |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        for (double loss : new double[] {0, 0.10, 0.20, 0.30}) {
            for (boolean policy : new boolean[] {false, true}) {
                UploadTrials.Summary s = UploadTrials.run(50, 30, LossyLink.Config.loss(loss),
                        policy ? WITH_POLICY : PER_ITEM_ONLY, 5000);
                assertThat(s.hung()).isZero();
                assertThat(s.falseSuccesses()).isZero();
                sb.append(String.format(Locale.ROOT, "| %.0f%% | %s | %d/%d | %.0f ms | %d ms | %.1f | %s |%n",
                        loss * 100, policy ? "5 attempts" : "per-item only", s.completed(), s.trials(),
                        s.meanVirtualMs(), s.maxVirtualMs(), s.meanResends(), s.results()));
            }
        }
        System.out.println("Mission upload, 30 items, 50 seeded trials per row, ArduCopter-like fake, 5 ms latency:");
        System.out.print(sb);
    }
}
