// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.model.Item
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

public interface Item extends AccessControlled {
    Permission READ = null;
    Permission EXTENDED_READ = null;
    Permission CONFIGURE = null;
}
