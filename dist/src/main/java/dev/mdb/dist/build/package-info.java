/**
 * Build-time tools of the distribution, run by the {@code dist} POM with exec-maven-plugin: the bash/zsh completion
 * and man page generator, and the recompilation of picocli for class-data sharing. Nothing here runs in {@code mdb}.
 */
package dev.mdb.dist.build;
