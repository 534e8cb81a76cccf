/**
 * The demo province and the movable clock: only in the {@code demo} profile, so that
 * every stage can be clicked through without waiting for real weeks to pass.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo province")
package org.xietong.demo;
