package io.jenkins.plugins.cdngate.jenkins;

import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.cdngate.core.AccessKey;
import io.jenkins.plugins.cdngate.core.ConnectionSettings;
import io.jenkins.plugins.cdngate.core.credentials.CredentialException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.credentialsbinding.BindingDescriptor;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding;
import org.jenkinsci.plugins.credentialsbinding.impl.CredentialNotFoundException;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code withCredentials([alibabaCloudAccessKey(credentialsId: 'id')]) { sh 'aliyun ...' }}: the "Alibaba Cloud
 * AccessKey" credential as the environment variables Alibaba Cloud's tools read (aliyun CLI, Terraform's alicloud
 * provider, ossutil, the SDKs' default chain). With a RAM role on the credential, the variables hold the role's
 * temporary credentials, assumed when the block starts, and the security token too. Every value is a secret to
 * credentials-binding, so the build log masks it. Variable names can be changed, as the AWS binding allows.
 */
public final class AlibabaCloudAccessKeyBinding extends MultiBinding<AlibabaCloudAccessKeyCredentials> {
    public static final String DEFAULT_ACCESS_KEY_ID_VARIABLE = "ALIBABA_CLOUD_ACCESS_KEY_ID";
    public static final String DEFAULT_ACCESS_KEY_SECRET_VARIABLE = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
    public static final String DEFAULT_SECURITY_TOKEN_VARIABLE = "ALIBABA_CLOUD_SECURITY_TOKEN";

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private String accessKeyIdVariable;
    private String accessKeySecretVariable;
    private String securityTokenVariable;

    @DataBoundConstructor
    public AlibabaCloudAccessKeyBinding(String credentialsId) {
        super(credentialsId);
    }

    public String getAccessKeyIdVariable() {
        return accessKeyIdVariable == null ? DEFAULT_ACCESS_KEY_ID_VARIABLE : accessKeyIdVariable;
    }

    /** Blank or the default name is stored as null, so the snippet generator leaves the default out. */
    @DataBoundSetter
    public void setAccessKeyIdVariable(String name) {
        this.accessKeyIdVariable = customName(name, DEFAULT_ACCESS_KEY_ID_VARIABLE);
    }

    public String getAccessKeySecretVariable() {
        return accessKeySecretVariable == null ? DEFAULT_ACCESS_KEY_SECRET_VARIABLE : accessKeySecretVariable;
    }

    @DataBoundSetter
    public void setAccessKeySecretVariable(String name) {
        this.accessKeySecretVariable = customName(name, DEFAULT_ACCESS_KEY_SECRET_VARIABLE);
    }

    public String getSecurityTokenVariable() {
        return securityTokenVariable == null ? DEFAULT_SECURITY_TOKEN_VARIABLE : securityTokenVariable;
    }

    @DataBoundSetter
    public void setSecurityTokenVariable(String name) {
        this.securityTokenVariable = customName(name, DEFAULT_SECURITY_TOKEN_VARIABLE);
    }

    private static String customName(String name, String defaultName) {
        String n = Util.fixEmptyAndTrim(name);
        return n == null || n.equals(defaultName) ? null : n;
    }

    @Override
    protected Class<AlibabaCloudAccessKeyCredentials> type() {
        return AlibabaCloudAccessKeyCredentials.class;
    }

    /** All three names: a token variable is only set with a role, but masking a name that is unset costs nothing. */
    @Override
    public Set<String> variables(Run<?, ?> build) {
        Set<String> names = new LinkedHashSet<>();
        names.add(getAccessKeyIdVariable());
        names.add(getAccessKeySecretVariable());
        names.add(getSecurityTokenVariable());
        return names;
    }

    @Override
    public MultiEnvironment bind(Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener)
            throws IOException, InterruptedException {
        String problem = namesProblem(getAccessKeyIdVariable(), getAccessKeySecretVariable(), getSecurityTokenVariable());
        if (problem != null) {
            throw new AbortException(GateBinding.PREFIX + "alibabaCloudAccessKey binding: " + problem);
        }
        AlibabaCloudAccessKeyCredentials c;
        try {
            c = getCredentials(build);
        } catch (CredentialNotFoundException e) {
            throw new AbortException(GateBinding.PREFIX + e.getMessage());
        }
        AccessKey key;
        try {
            key = AccessKey.of(c.getAccessKeyId(), Secret.toString(c.getAccessKeySecret()))
                    .withSource("Jenkins credentials '" + getCredentialsId() + "'");
        } catch (IllegalArgumentException e) {
            throw new AbortException(GateBinding.PREFIX + "Credentials '" + getCredentialsId() + "': " + e.getMessage());
        }
        String roleArn = Util.fixEmptyAndTrim(c.getRoleArn());
        if (roleArn != null) {
            ConnectionSettings connection;
            try {
                connection = CdnGateConfiguration.get().connection(null);
            } catch (IllegalArgumentException e) {
                throw new AbortException(GateBinding.PREFIX + e.getMessage());
            }
            try {
                key = GateIdentity.assume(key, roleArn, c.getRoleSessionDurationSeconds(), connection);
            } catch (CredentialException e) {
                throw new AbortException(GateBinding.PREFIX + "withCredentials: " + e.getMessage());
            }
            listener.getLogger().println(GateBinding.PREFIX + "withCredentials: assumed RAM role " + roleArn
                    + " with credentials '" + getCredentialsId() + "'; temporary AccessKey " + key.maskedId());
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put(getAccessKeyIdVariable(), key.id());
        secrets.put(getAccessKeySecretVariable(), key.secret());
        if (key.securityToken() != null) {
            secrets.put(getSecurityTokenVariable(), key.securityToken());
        }
        return new MultiEnvironment(secrets);
    }

    /** The first thing wrong with the three variable names, or null. */
    static String namesProblem(String id, String secret, String token) {
        for (String name : new String[] {id, secret, token}) {
            if (!VARIABLE.matcher(name).matches()) {
                return "'" + name + "' is not a variable name: use letters, digits and _, not starting with a digit";
            }
        }
        if (id.equals(secret) || id.equals(token) || secret.equals(token)) {
            return "the AccessKey ID, secret and security token need three different variable names";
        }
        return null;
    }

    @Extension
    @Symbol("alibabaCloudAccessKey")
    public static final class DescriptorImpl extends BindingDescriptor<AlibabaCloudAccessKeyCredentials> {
        @Override
        protected Class<AlibabaCloudAccessKeyCredentials> type() {
            return AlibabaCloudAccessKeyCredentials.class;
        }

        @Override
        public String getDisplayName() {
            return "Alibaba Cloud AccessKey (ID, secret and, with a RAM role, security token)";
        }

        /** Nothing is written to disk: no workspace, so it works outside {@code node} too. */
        @Override
        public boolean requiresWorkspace() {
            return false;
        }

        @POST
        public FormValidation doCheckAccessKeyIdVariable(@AncestorInPath Item item, @QueryParameter String value) {
            return checkName(item, value);
        }

        @POST
        public FormValidation doCheckAccessKeySecretVariable(@AncestorInPath Item item, @QueryParameter String value,
                                                             @QueryParameter String accessKeyIdVariable) {
            FormValidation own = checkName(item, value);
            if (own.kind != FormValidation.Kind.OK || !GateForms.mayConfigure(item)) {
                return own;
            }
            return sameAs(or(value, DEFAULT_ACCESS_KEY_SECRET_VARIABLE), "the AccessKey ID",
                    or(accessKeyIdVariable, DEFAULT_ACCESS_KEY_ID_VARIABLE));
        }

        @POST
        public FormValidation doCheckSecurityTokenVariable(@AncestorInPath Item item, @QueryParameter String value,
                                                           @QueryParameter String accessKeyIdVariable,
                                                           @QueryParameter String accessKeySecretVariable) {
            FormValidation own = checkName(item, value);
            if (own.kind != FormValidation.Kind.OK || !GateForms.mayConfigure(item)) {
                return own;
            }
            String token = or(value, DEFAULT_SECURITY_TOKEN_VARIABLE);
            FormValidation id = sameAs(token, "the AccessKey ID", or(accessKeyIdVariable, DEFAULT_ACCESS_KEY_ID_VARIABLE));
            return id.kind != FormValidation.Kind.OK ? id : sameAs(token, "the AccessKey secret",
                    or(accessKeySecretVariable, DEFAULT_ACCESS_KEY_SECRET_VARIABLE));
        }

        /** The binding refuses two values in one variable ({@link #namesProblem}); the form says so first. */
        private static FormValidation sameAs(String name, String other, String otherName) {
            return name.equals(otherName) ? FormValidation.error("The same variable as " + other
                    + ": the ID, the secret and the security token need three different names") : FormValidation.ok();
        }

        private static String or(String name, String defaultName) {
            String given = Util.fixEmptyAndTrim(name);
            return given == null ? defaultName : given;
        }

        private static FormValidation checkName(Item item, String value) {
            String name = Util.fixEmptyAndTrim(value);
            if (!GateForms.mayConfigure(item) || name == null) {
                return FormValidation.ok();
            }
            return VARIABLE.matcher(name).matches() ? FormValidation.ok()
                    : FormValidation.error("Use letters, digits and _, not starting with a digit");
        }
    }
}
