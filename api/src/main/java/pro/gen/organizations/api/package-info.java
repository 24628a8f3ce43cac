/**
 * The organizations service's published language: the commands it takes, the events it
 * records, the queries it answers and their results. Plain Java with no framework beyond
 * Axon's routing and revision annotations.
 */
package pro.gen.organizations.api;
