// Signature mirror of org.kohsuke.stapler:stapler:2050.v425108fd5089 — org.kohsuke.stapler.QueryParameter
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package org.kohsuke.stapler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Documented
public @interface QueryParameter {
    String value() default "";
}
