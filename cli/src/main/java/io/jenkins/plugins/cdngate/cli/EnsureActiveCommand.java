package io.jenkins.plugins.cdngate.cli;

import io.jenkins.plugins.cdngate.core.AccessKey;
import io.jenkins.plugins.cdngate.core.ConnectionSettings;
import io.jenkins.plugins.cdngate.core.EnsureActive;
import io.jenkins.plugins.cdngate.core.EnsureActiveRequest;
import io.jenkins.plugins.cdngate.core.LockPolicy;
import io.jenkins.plugins.cdngate.core.Mode;
import io.jenkins.plugins.cdngate.core.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cdn-gate ensure-active}: the CDN service is activated (activating it when allowed) and not locked. */
@Command(name = "ensure-active",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        versionProvider = CdnGate.Version.class,
        description = {
                "Checks that CDN is activated on the account (activating it, unless --no-activate) and not locked.",
                "Exit code 0 PASS, 1 FAIL, 2 usage/configuration error, 3 UNSTABLE."})
final class EnsureActiveCommand extends GateCommand {
    @Option(names = "--activate", order = 1, negatable = true, defaultValue = "true", fallbackValue = "true", arity = "0..1", paramLabel = "true|false",
            description = "Activate CDN (OpenCdnService) when it is not activated; --no-activate or --activate=false "
                    + "only checks, and a service that is not activated fails (default: ${DEFAULT-VALUE}). "
                    + "Activation cannot be undone.")
    boolean activate;

    @Option(names = "--charge-type", order = 2, paramLabel = "TYPE", defaultValue = EnsureActiveRequest.DEFAULT_CHARGE_TYPE,
            description = "Billing method to activate with: PayByTraffic or PayByBandwidth (default: ${DEFAULT-VALUE}).")
    String chargeType;

    @Option(names = "--expected-charge-type", order = 3, paramLabel = "TYPE",
            description = "When set, an account billed another way is UNSTABLE (data-transfer plans are only consumed "
                    + "with PayByTraffic).")
    String expectedChargeType;

    @Option(names = "--lock-policy", order = 4, paramLabel = "fail|unstable", defaultValue = "fail",
            converter = Converters.LockPolicyConverter.class,
            description = "What an operation lock (e.g. financial: overdue payment) does: fail or unstable "
                    + "(default: ${DEFAULT-VALUE}).")
    LockPolicy lockPolicy;

    @Option(names = "--mode", order = 5, paramLabel = "enforce|warn", defaultValue = "enforce",
            converter = Converters.ModeConverter.class,
            description = "enforce, or warn: every FAIL is reported as UNSTABLE instead (default: ${DEFAULT-VALUE}).")
    Mode mode;

    @Override
    Report run(AccessKey accessKey, ConnectionSettings connection) throws InterruptedException {
        return EnsureActive.run(new EnsureActiveRequest(accessKey, connection, activate, chargeType,
                expectedChargeType, lockPolicy, mode));
    }
}
