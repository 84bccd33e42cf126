const es=require('@event-driven-io/emmett-sqlite');
const c=require('../commands');
(async()=>{
 for (const [mode, inFlight] of [['default',1],['default',64],['single',1],['single',64]]) {
  const f='/tmp/eb-'+mode+inFlight+'.db'; require('fs').rmSync(f,{force:true});
  const opts={fileName:f, schema:{autoMigration:'CreateOrUpdate'}};
  if (mode==='single') opts.connectionOptions={singleton:true, connection:es.sqliteConnection({fileName:f})};
  const x=es.getSQLiteEventStore(opts);
  let errors=0; const h=c.emmettHandler(x); const wrapped=async(s,j)=>{try{await h(s,j)}catch(e){errors++}};
  const t=Date.now(); await c.runEmployees(wrapped,{employees:200,inFlight}); console.log(mode,inFlight,(1000/((Date.now()-t)/1000)).toFixed(0),'cmd/s errors',errors);
 }
})().catch(e=>{console.error(e);process.exit(1)});
