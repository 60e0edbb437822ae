package vm2000

import (
	"sdfp/interp/handler"
)

// migrateDefinition: MIGRATE-VM-DEFINITION moves the persistent
// definition of a VM that is not initialised (DEFINED_ONLY, ACT NO) to
// the other server unit of the SU cluster. V:MIGDEF, S seed 000.
func (m *Model) migrateDefinition(c *call) handler.Result {
	var name string
	c.args.Unpack("VM-NAME", &name)
	if vm := c.su.byName[name]; vm != nil {
		return m.refuse(c, alreadyInitialized, vm.inserts()[0], vm.name)
	}
	def := c.su.definitions[name]
	if def == nil {
		return m.refuse(c, definitionUnknown, name)
	}
	target, res := m.targetSU(c)
	if res != nil {
		return *res
	}
	if !c.su.cluster.active {
		return m.refuse(c, clusterInactive, c.su.cluster.name)
	}
	if target.nameTaken(name) {
		return m.refuse(c, definitionRejected, name, target.name)
	}
	delete(c.su.definitions, name)
	target.definitions[name] = def
	return handler.Done(line(msgDefinitionMoved, name, target.name))
}
