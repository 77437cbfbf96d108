// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — jenkins.model.Jenkins
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package jenkins.model;

import hudson.ProxyConfiguration;
import hudson.model.AbstractCIBase;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.security.AccessControlled;
import hudson.security.AuthorizationStrategy;
import hudson.security.Permission;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

public class Jenkins extends AbstractCIBase implements AccessControlled {
    public static final Permission ADMINISTER = null;
    public static final Permission READ = null;
    public static final Authentication ANONYMOUS2 = null;

    private Jenkins() {
    }

    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException("signature mirror");
    }

    public static Jenkins getInstanceOrNull() {
        throw new UnsupportedOperationException("signature mirror");
    }

    public <T extends Item> T getItemByFullName(String fullName, Class<T> type) throws AccessDeniedException {
        throw new UnsupportedOperationException("signature mirror");
    }

    public <T extends Descriptor> T getDescriptorByType(Class<T> type) {
        throw new UnsupportedOperationException("signature mirror");
    }

    public void setAuthorizationStrategy(AuthorizationStrategy a) {
        throw new UnsupportedOperationException("signature mirror");
    }

    public ProxyConfiguration getProxy() {
        throw new UnsupportedOperationException("signature mirror");
    }

    public void setProxy(ProxyConfiguration proxy) {
        throw new UnsupportedOperationException("signature mirror");
    }
}
