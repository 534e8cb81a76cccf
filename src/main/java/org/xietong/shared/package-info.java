/**
 * Values every module needs and nothing else: the clock, the platform's settings, the
 * error that carries a stable code.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.xietong.shared;
