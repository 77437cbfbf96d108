// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.model.AbstractItem
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.model;

public abstract class AbstractItem extends Actionable implements Item {
    protected AbstractItem(ItemGroup parent, String name) {
    }

    public final String getUrl() {
        throw new UnsupportedOperationException("signature mirror");
    }

    public final String getFullName() {
        throw new UnsupportedOperationException("signature mirror");
    }
}
