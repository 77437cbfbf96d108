// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.util.ListBoxModel
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.util;

import java.util.ArrayList;

public class ListBoxModel extends ArrayList<ListBoxModel.Option> {
    public ListBoxModel() {
    }

    public void add(String displayName, String value) {
        throw new UnsupportedOperationException("signature mirror");
    }

    public static final class Option {
        public String name;

        public String value;

        public Option(String name, String value) {
        }
    }
}
