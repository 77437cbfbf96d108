package io.jenkins.plugins.cdngate.jenkins;

import static io.jenkins.plugins.cdngate.jenkins.GateFixture.KEY_ID;
import static io.jenkins.plugins.cdngate.jenkins.GateFixture.SECRET;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import hudson.AbortException;
import io.jenkins.plugins.cdngate.core.AccessKey;
import io.jenkins.plugins.cdngate.core.ConnectionSettings;
import io.jenkins.plugins.cdngate.core.credentials.CredentialException;
import io.jenkins.plugins.cdngate.emulator.Account;
import io.jenkins.plugins.cdngate.emulator.CdnEmulator;
import io.jenkins.plugins.cdngate.emulator.EmulatorOptions;
import io.jenkins.plugins.cdngate.emulator.Role;
import io.jenkins.plugins.cdngate.emulator.TemporaryCredential;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The role assumption the gates and the withCredentials binding share, against the emulator's STS (no Jenkins). */
public class GateIdentityTest {
    private static final String ROLE = "acs:ram::1234567890123456:role/cdn-deployer";

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private CdnEmulator emu;
    private ConnectionSettings connection;

    @Before
    public void startEmulator() {
        emu = CdnEmulator.start(EmulatorOptions.defaults().port(0).rateLimits(false)
                .clock(Clock.fixed(now, ZoneOffset.UTC)));
        emu.addAccount(GateFixture.healthyAccount());
        Account owner = Account.create("LTAI-owner-0002", "owner-secret-0002").activated(true);
        emu.addAccount(owner);
        emu.addRole(owner, Role.create(ROLE).trust(KEY_ID).maxSessionDuration(7200));
        connection = ConnectionSettings.defaults().withEndpoint(emu.endpoint()).withStsEndpoint(emu.endpoint());
    }

    @After
    public void stopEmulator() {
        emu.close();
    }

    private AccessKey base() {
        return AccessKey.of(KEY_ID, SECRET).withSource("Jenkins credentials 'cdn-role'");
    }

    @Test
    public void theRoleIsAssumedWithTheCredentialsDurationAndCoresSessionName() throws Exception {
        AccessKey temporary = GateIdentity.assume(base(), ROLE, 7200, connection);

        TemporaryCredential issued = emu.issuedCredentials().get(0);
        assertEquals(issued.accessKeyId(), temporary.id());
        assertNotNull(temporary.securityToken());
        assertEquals(now.plusSeconds(7200), issued.expiresAt());
        assertEquals("cdn-gate", issued.sessionName());
        assertTrue(temporary.source(), temporary.source().contains(ROLE));
        assertTrue(temporary.source(), temporary.source().contains("Jenkins credentials 'cdn-role'"));
    }

    @Test
    public void withoutADurationCoresDefaultIsAsked() throws Exception {
        GateIdentity.assume(base(), ROLE, null, connection);
        assertEquals(now.plusSeconds(3600), emu.issuedCredentials().get(0).expiresAt());
    }

    @Test
    public void aStoredDurationOutOfRangeIsOneLineBeforeAnyCall() {
        AbortException e = assertThrows(AbortException.class, () -> GateIdentity.assume(base(), ROLE, 60, connection));
        assertTrue(e.getMessage(), e.getMessage().startsWith("[CDN Gate] role session duration 60 s is out of range"));
        assertEquals(0, emu.requestCount());
    }

    @Test
    public void aRoleTheKeyMayNotAssumeIsCoresOneLineCredentialException() {
        emu.addRole(emu.account("LTAI-owner-0002"), Role.create("acs:ram::1234567890123456:role/other"));
        CredentialException e = assertThrows(CredentialException.class, () -> GateIdentity.assume(base(),
                "acs:ram::1234567890123456:role/other", null, connection));
        assertTrue(e.getMessage(), e.getMessage().contains("acs:ram::1234567890123456:role/other"));
        assertTrue(e.getMessage(), !e.getMessage().contains("\n"));
        assertTrue(e.getMessage(), !e.getMessage().contains(SECRET));
    }
}
