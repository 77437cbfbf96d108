package io.jenkins.plugins.cdngate.emulator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import org.junit.After;
import org.junit.Test;

public class SmokeTest {
    private final CdnEmulator emu = CdnEmulator.start();

    @After
    public void stop() {
        emu.close();
    }

    @Test
    public void describeServiceThroughTheRealSdk() throws Exception {
        emu.addAccount(Account.create("LTAI-test-0001", "test-secret-0001").activated(true).locks("financial"));
        JsonObject body = Sdk.of(emu, "LTAI-test-0001", "test-secret-0001").call("DescribeCdnService");
        assertEquals("financial", body.getAsJsonObject("OperationLocks").getAsJsonArray("LockReason")
                .get(0).getAsJsonObject().get("LockReason").getAsString());
        assertTrue(body.has("RequestId"));
    }
}
