// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.util.DescribableList
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.util;

import hudson.model.Describable;
import hudson.model.Descriptor;

public class DescribableList<T extends Describable<T>, D extends Descriptor<T>> extends PersistedList<T> {
    protected DescribableList() {
    }
}
