/**
 * The page shell: layout and navigation for each role, home pages, the language switch,
 * error pages and the one place where refusals become problem details or error pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell")
package org.xietong.web;
