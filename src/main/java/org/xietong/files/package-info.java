/**
 * Stored files: content-addressed on disk under the data folder, their type judged by
 * their content, their size limited. Called by all, calling none; who may read a file is
 * the owning module's decision.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Stored files")
package org.xietong.files;
