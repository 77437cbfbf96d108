// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.model.Descriptor
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.model;

import net.sf.json.JSONObject;
import org.kohsuke.stapler.StaplerRequest2;

public abstract class Descriptor<T extends Describable<T>> {
    protected Descriptor() {
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("signature mirror");
    }

    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        throw new UnsupportedOperationException("signature mirror");
    }

    public synchronized void save() {
        throw new UnsupportedOperationException("signature mirror");
    }

    public synchronized void load() {
        throw new UnsupportedOperationException("signature mirror");
    }

    public static final class FormException extends Exception {
        public FormException(String message, String formField) {
        }

        public String getFormField() {
            throw new UnsupportedOperationException("signature mirror");
        }
    }
}
