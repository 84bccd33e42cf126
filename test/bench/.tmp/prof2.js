const {openSqliteStore}=require('@kinerja/eventstore');
const c=require('../commands');
const n=+process.argv[2]||1;
(async()=>{
 require('fs').rmSync('/tmp/kb2.db',{force:true});
 const s=openSqliteStore({path:'/tmp/kb2.db'}); await c.runEmployees(c.kinerjaHandler(s),{employees:200,inFlight:n});
 let t=Date.now(); await c.runEmployees(c.kinerjaHandler(s),{first:1000,employees:1000,inFlight:n}); console.log('kinerja sqlite',n,5000/((Date.now()-t)/1000), s.metrics());
 await s.close();
})();
