/**
 * The one place where the desk touches the engine's internals ({@code org.camunda.bpm.engine.impl},
 * which Camunda changes without notice between versions): its public classes say in our terms what
 * the rest of the desk needs (the engine's clock, the current engine user, a refused form field,
 * a check of new deployments), and its engine plugins configure the engine. Depends on Camunda,
 * Spring and the JDK only, never on another package of the desk; where it needs something of
 * theirs it defines an interface ({@link org.servicedesk.engine.DeploymentPolicy},
 * {@link org.servicedesk.engine.CycleZone}) that they implement. What it uses of the engine is
 * listed in docs/operators.md, "Engine internals we depend on"; check it on every Camunda upgrade.
 */
package org.servicedesk.engine;
