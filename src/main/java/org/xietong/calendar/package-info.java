/**
 * The working-day calendar of the Chinese mainland: weekends, public holidays and the
 * make-up working days (调休) the State Council announces each year, kept as data by the
 * department. Public notices count their periods in its working days.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Working-day calendar")
package org.xietong.calendar;
