/**
 * Users, roles, sign-in, API tokens, the password policy and the security rules every
 * page and API call passes through.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts and security")
package org.xietong.accounts;
