// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — jenkins.model.GlobalConfiguration
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package jenkins.model;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.StaplerRequest2;

public abstract class GlobalConfiguration extends Descriptor<GlobalConfiguration>
        implements ExtensionPoint, Describable<GlobalConfiguration> {
    protected GlobalConfiguration() {
    }

    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        throw new UnsupportedOperationException("signature mirror");
    }
}
