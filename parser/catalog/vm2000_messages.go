package catalog

// VM2000 commands that pass messages between administrators (issue 15,
// section 3), as printed on their pages of the VM2000 V12 user guide
// (2023-11).

var vm2000MessageCommands = []decl{
	// VM-IDENTIFICATION's default: the page prints *ALL first (I: the
	// underline that marks a default is not in the stored text).
	{name: "SEND-VM-MESSAGE", domain: "VM2000",
		source: "V: 'SEND-VM-MESSAGE (Pass messages to VM administrators)', ...-241 (operands, return codes VMS1015 and VMS4000, VMS3000 and VMS2036 in its example); the default *ALL I",
		help:   "Sends a text to the VM administrators of a VM, or of all VMs (*ALL): each gets VMS2036 with the sender's VM.",
		ops: `MESSAGE = <c-string 1..72> !
			VM-IDENTIFICATION = *ALL / <integer 1..99> / <name 1..8>`},
}
