// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.ExtensionList
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson;

import java.util.AbstractList;

public class ExtensionList<T> extends AbstractList<T> {
    private ExtensionList() {
    }

    public static <U> U lookupSingleton(Class<U> type) {
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
