// Signature mirror of org.kohsuke.stapler:stapler:2050.v425108fd5089 — org.kohsuke.stapler.StaplerRequest2
// Declarations only, for compiling the plugin offline; no behaviour. Upstream also extends jakarta.servlet's
// HttpServletRequest, which the plugin does not use (the fidelity check reports the omission as a WARN).
package org.kohsuke.stapler;

import net.sf.json.JSONObject;

public interface StaplerRequest2 {
    void bindJSON(Object bean, JSONObject src);
}
