package org.servicedesk.crm;

/** {@code servicedesk.crm.type=built-in}: our own customer table is the CRM. */
class BuiltInCrm implements CrmDirectory {

    private final CustomerLookup customers;

    BuiltInCrm(CustomerLookup customers) {
        this.customers = customers;
    }

    @Override
    public Customer findOrCreate(Contact contact) {
        return customers.findOrCreate(contact);
    }
}
