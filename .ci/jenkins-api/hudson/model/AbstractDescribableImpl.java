// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.model.AbstractDescribableImpl
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.model;

public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
}
