/**
 * The shipped example models, built in code: {@link dev.tc0.compile.transformer.models.ModelRegistry}
 * names them; {@link dev.tc0.compile.transformer.models.ModelBuilder} lays out residual dimensions
 * and weights; {@link dev.tc0.compile.transformer.models.MiniTracr} reproduces Tracr's closed-form
 * constructions (categorical attention with BOS, lookup-table MLPs, selector width).
 */
package dev.tc0.compile.transformer.models;
