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
                "Checks that CDN is activated on the account (activating it, unless --no-activate) and not locked."},
        exitCodeListHeading = GateCommand.EXIT_HEADING,
        exitCodeList = {GateCommand.EXIT_0, GateCommand.EXIT_1, GateCommand.EXIT_2, GateCommand.EXIT_3,
                GateCommand.EXIT_4, GateCommand.EXIT_130_ACTIVATION})
final class EnsureActiveCommand extends GateCommand<EnsureActiveRequest> {
    @Option(names = "--activate", order = 1, negatable = true, defaultValue = "true", fallbackValue = "true", arity = "0..1", paramLabel = "true|false",
            description = "Activate CDN (OpenCdnService) when it is not activated; --no-activate or --activate=false "
                    + "only checks, and a service that is not activated fails (default: ${DEFAULT-VALUE}). "
                    + "Activation cannot be undone.")
    boolean activate;

    @Option(names = "--charge-type", order = 2, paramLabel = "TYPE", defaultValue = EnsureActiveRequest.DEFAULT_CHARGE_TYPE,
            description = "Billing method to activate with; OpenCdnService accepts only PayByTraffic "
                    + "(default: ${DEFAULT-VALUE}).")
    String chargeType;

    @Option(names = "--expected-charge-type", order = 3, paramLabel = "TYPE",
            description = "PayByTraffic or PayByBandwidth: an account billed another way is UNSTABLE (data-transfer "
                    + "plans are only consumed with PayByTraffic).")
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

    @Option(names = "--rate-limit-open", order = 109, paramLabel = "PER_SECOND", defaultValue = "5",
            converter = Converters.RateConverter.class,
            description = "OpenCdnService calls per second per AccessKey; Alibaba allows 5 (default: ${DEFAULT-VALUE}).")
    double openPerSecond;

    @Override
    double openPerSecond() {
        return openPerSecond;
    }

    @Override
    void validate() {
        // core's lists (EnsureActiveRequest) decide what is accepted; this only words it in option names
        // blank means the default, as in core (an unexpanded "$CHARGE_TYPE" in a CI script)
        chargeType = chargeType == null || chargeType.isBlank() ? EnsureActiveRequest.DEFAULT_CHARGE_TYPE
                : chargeType(chargeType, "--charge-type");
        if (!EnsureActiveRequest.ACTIVATION_CHARGE_TYPES.contains(chargeType)) {
            // refused here: otherwise a real, state-changing OpenCdnService would be sent only to be rejected
            // with InvalidInternetChargeType.ValueNotSupported
            throw ConfigurationException.option("--charge-type " + chargeType + " cannot be used to activate: "
                    + "OpenCdnService accepts only PayByTraffic (the billing method can be changed in the console "
                    + "afterwards)");
        }
        if (expectedChargeType != null && !expectedChargeType.isBlank()) {
            expectedChargeType = chargeType(expectedChargeType, "--expected-charge-type");
        }
    }

    /** The canonical spelling of a known charge type (any letter case accepted); otherwise a usage error. */
    private static String chargeType(String value, String option) {
        String text = value.trim();
        for (String known : EnsureActiveRequest.EXPECTED_CHARGE_TYPES) {
            if (known.equalsIgnoreCase(text)) {
                return known;
            }
        }
        throw ConfigurationException.option(option + " '" + text + "' is not a charge type: use "
                + String.join(" or ", option.equals("--charge-type") ? EnsureActiveRequest.ACTIVATION_CHARGE_TYPES
                        : EnsureActiveRequest.EXPECTED_CHARGE_TYPES));
    }

    @Override
    Mode mode() {
        return mode;
    }

    @Override
    EnsureActiveRequest request(AccessKey accessKey, ConnectionSettings connection) {
        return new EnsureActiveRequest(accessKey, connection, activate, chargeType, expectedChargeType, lockPolicy, mode);
    }

    @Override
    Report run(EnsureActiveRequest request) throws InterruptedException {
        return EnsureActive.run(request);
    }
}
