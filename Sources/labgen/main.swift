import Foundation
import LabgenCLI
import LabgenCore

MallocArenas.useOne()

exit(Labgen.run(Array(CommandLine.arguments.dropFirst()), in: .process()))
