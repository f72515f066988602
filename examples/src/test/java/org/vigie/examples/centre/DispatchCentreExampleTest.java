package org.vigie.examples.centre;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.audit.AuditVerification;
import org.vigie.audit.AuditVerifier;
import org.vigie.audit.CheckpointKeys;

/** Runs the dispatch-centre example itself in demo mode at 25x: an alert by HTTP, a drone on scene and home. */
class DispatchCentreExampleTest {

    @Test
    void theExampleSendsAnAlertByHttpAndTheDroneReachesTheScene(@TempDir Path dir) throws Exception {
        Path audit = dir.resolve("centre-audit.jsonl");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = DispatchCentreExample.run(new String[] {"--demo", "--speed", "25", "--http-port", "0",
                "--audit", audit.toString()}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(code).as(out).isZero();
        assertThat(out).contains("curl -s -X POST -H 'Authorization: Bearer vigie-example-token-change-me'")
                .contains("POST /alerts -> 201")
                .contains("[agent agent-ana] confirms I000001")
                .contains("[incident I000001] ON_SCENE")
                .contains("\"availability\"");
        assertThat(AuditVerifier.verify(audit, CheckpointKeys.none()).state())
                .isEqualTo(AuditVerification.State.INTACT);
        assertThat(Files.readString(audit)).as("the centre's own chain holds the incident and the agent's action")
                .contains("\"type\":\"centre.opened\"", "\"incidentId\":\"I000001\"", "\"actor\":\"agent-ana\"");
    }
}
