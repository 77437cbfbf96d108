// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.EnvVars
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson;

import java.util.TreeMap;

public class EnvVars extends TreeMap<String, String> {
    public EnvVars() {
    }

    public String expand(String s) {
        throw new UnsupportedOperationException("signature mirror");
    }
}
