// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.model.Describable
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.model;

public interface Describable<T extends Describable<T>> {
    default Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException("signature mirror");
    }
}
