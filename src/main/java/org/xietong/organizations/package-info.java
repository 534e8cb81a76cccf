/**
 * The organisations users belong to: the department, universities and enterprises; later
 * their registration, documents, review and the defaulters' list.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisations")
package org.xietong.organizations;
