// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.Extension
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.java.sezpoz.Indexable;

@Indexable
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
@Documented
public @interface Extension {
}
