// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.util.PersistedList
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.util;

import java.util.AbstractList;

public class PersistedList<T> extends AbstractList<T> {
    protected PersistedList() {
    }

    @Override
    public boolean add(T item) {
        throw new UnsupportedOperationException("signature mirror");
    }

    @Override
    public T get(int index) {
        throw new UnsupportedOperationException("signature mirror");
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException("signature mirror");
    }
}
