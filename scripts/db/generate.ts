// npm run db:generate: writes both provider schemas from prisma/model.prisma and generates both clients.
import { generateClients } from "../../lib/db/generate-clients";

generateClients(process.cwd(), process.argv.includes("--force"));
console.log("Prisma clients generated for sqlite and postgresql.");
