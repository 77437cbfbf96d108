// Signature mirror of org.jenkins-ci.plugins:structs:368.v1db_2a_48ea_052 — org.jenkinsci.plugins.structs.describable.CustomDescribableModel
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package org.jenkinsci.plugins.structs.describable;

import java.util.Map;

public interface CustomDescribableModel {
    default Map<String, Object> customInstantiate(Map<String, Object> arguments) {
        return arguments;
    }
}
